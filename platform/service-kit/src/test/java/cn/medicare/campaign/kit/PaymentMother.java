package cn.medicare.campaign.kit;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import java.math.BigDecimal;
import java.time.Instant;

/** Payments of Liancheng's 2018 campaign, as the tax adapter publishes them. */
final class PaymentMother {

    private PaymentMother() {
    }

    static PaymentConfirmed payment(int person, int voucher, String amount) {
        return new PaymentConfirmed(personId(person), 2018, "350825", "V2017" + String.format("%08d", voucher),
                new BigDecimal(amount), PaymentChannel.WECHAT, Instant.parse("2017-10-09T02:15:00Z"), PaymentSource.WEBHOOK);
    }

    static PaymentRefunded refund(int person, int voucher, String amount) {
        return new PaymentRefunded(personId(person), 2018, "350825", "V2017" + String.format("%08d", voucher),
                "R2017" + String.format("%08d", voucher), new BigDecimal(amount), Instant.parse("2017-11-09T02:15:00Z"), "OVERPAID");
    }

    static String personId(int person) {
        return String.format("%032x", person);
    }
}

package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.codes.RefundDueReason;
import cn.medicare.campaign.contracts.identity.IdNumberOpener;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.RequestValues;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The money the bureau currently owes back (应退费), for the tax bureau to refund. */
@RestController
class RefundsDueController {

    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    private final RefundDueService refundsDue;
    private final IdNumberOpener opener;

    RefundsDueController(RefundDueService refundsDue, IdNumberOpener opener) {
        this.refundsDue = refundsDue;
        this.opener = opener;
    }

    @GetMapping("/api/v1/refunds-due")
    @PreAuthorize("hasAnyRole('TAX_BUREAU','BUREAU')")
    Page refundsDue(@RequestParam(required = false) String region, @RequestParam(required = false) String coverageYear,
            Caller caller) {
        RequestValues.requireRegion(region);
        if (coverageYear == null || !YEAR.matcher(coverageYear).matches()) {
            throw ApiException.invalid("coverageYear", "应为年份，如 2018 / is a year such as 2018");
        }
        // only the tax bureau pays out by the number; everybody else reads it masked
        boolean plainNumbers = caller.is(Role.TAX_BUREAU);
        return new Page(refundsDue.owing(region, Integer.parseInt(coverageYear)).stream()
                .map(owing -> new Item(owing.personId(),
                        plainNumbers && owing.idNumberSealed() != null ? opener.open(owing.idNumberSealed()) : owing.idNumberMasked(),
                        owing.nameMasked(), owing.coverageYear(), owing.amount(), owing.reason()))
                .toList());
    }

    record Page(List<Item> items) {
    }

    /**
     * @param idNumber null (like the name) while no enrolment of the person has arrived: nobody to pay back yet but a personId;
     *     for a payer not registered for the year, that of their latest enrolment of another year
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Item(String personId, String idNumber, String name, int coverageYear, BigDecimal amount, RefundDueReason reason) {

        @Override
        public String toString() {
            return "Item[personId=" + personId + ", amount=" + amount + ", reason=" + reason + ", number hidden]";
        }
    }
}

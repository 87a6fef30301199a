package cn.medicare.campaign.reporting.unpaid;

import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.RequestValues;
import cn.medicare.campaign.reporting.participation.ParticipationStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 未缴费名单: who a township still has to chase, registered for the year but not settled, with what
 * they owe. The bureau sees every township, or the whole county where it names none; a township only its own, which a
 * township's clerk need not name (API.md).
 */
@RestController
class UnpaidController {

    /** @param township null for the whole county's list */
    record Unpaid(String region, int coverageYear, String township, Instant asOf, List<Person> people) {
    }

    /**
     * @param payableAmount null while the subsidy service has not assessed the person yet
     * @param payBy the last day a payment still starts coverage within the year, where the start waits for it
     * @param payByPassed that day has passed: a payment now covers nobody this year
     */
    record Person(String personId, String idNumberMasked, String nameMasked, String township, String village, BigDecimal payableAmount,
            BigDecimal paidAmount, BigDecimal outstanding, LocalDate payBy, boolean payByPassed) {
    }

    private final UnpaidStore store;
    private final ParticipationStore campaigns;
    private final Clock clock;

    UnpaidController(UnpaidStore store, ParticipationStore campaigns, Clock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @GetMapping("/api/v1/unpaid")
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    @Transactional(readOnly = true)
    Unpaid unpaid(Caller caller, @RequestParam String region, @RequestParam int coverageYear,
            @RequestParam(required = false) String township) {
        RequestValues.requireRegion(region);
        String asked = township == null && caller.is(Role.TOWNSHIP) ? caller.township() : township;
        if (asked != null && !asked.matches("[0-9]{9}")) {
            throw ApiException.invalid("township", "乡镇代码为9位数字 / is a 9-digit township code");
        }
        if (asked != null) {
            caller.requireMayActIn(asked);
        }
        if (campaigns.campaign(region, coverageYear).isEmpty()) {
            throw ApiException.notFound("该县（区）该年度尚无参保缴费工作方案 / no campaign for region " + region + " and coverage year " + coverageYear);
        }
        if (asked != null && !campaigns.isTownship(region, coverageYear, asked)) {
            // an empty list would read as nobody left to chase
            throw ApiException.invalid("township", "没有这个乡镇 / no township " + asked + " among the campaign's targets");
        }
        return new Unpaid(region, coverageYear, asked, clock.instant(), store.unpaid(region, coverageYear, asked, BusinessTime.today(clock)));
    }
}

package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.identity.IdNumberOpener;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.RequestValues;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The levy list as the tax bureau pages through it: changes after its cursor, in order. */
@RestController
class LevyItemsController {

    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 5000;

    private final LevyListService levyList;
    private final IdNumberOpener opener;

    LevyItemsController(LevyListService levyList, IdNumberOpener opener) {
        this.levyList = levyList;
        this.opener = opener;
    }

    @GetMapping("/api/v1/levy-items")
    @PreAuthorize("hasAnyRole('TAX_BUREAU','BUREAU')")
    LevyPage levyItems(@RequestParam(required = false) String region, @RequestParam(required = false) String coverageYear,
            @RequestParam(required = false) String after, @RequestParam(required = false) String limit, Caller caller) {
        RequestValues.requireRegion(region);
        int year = (int) number("coverageYear", coverageYear, null, 1, 9999);
        long afterCursor = number("after", after, 0L, 0, Long.MAX_VALUE);
        int pageSize = (int) number("limit", limit, (long) DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<LevyItemStore.LevyItem> changes = levyList.changesAfter(region, year, afterCursor, pageSize);
        // only the tax bureau collects by the number; everybody else reads it masked
        boolean plainNumbers = caller.is(Role.TAX_BUREAU);
        List<LevyPage.Item> items = changes.stream()
                .map(item -> new LevyPage.Item(item.cursor(),
                        plainNumbers ? opener.open(item.idNumberSealed()) : item.idNumberMasked(),
                        item.nameMasked(), item.coverageYear(), item.payableAmount(), item.assistanceCategory(), item.status(),
                        item.payBy()))
                .toList();
        Long next = changes.size() == pageSize ? changes.get(changes.size() - 1).cursor() : null;
        return new LevyPage(items, next);
    }

    private static long number(String field, String text, Long fallback, long min, long max) {
        if (text == null || text.isBlank()) {
            if (fallback == null) {
                throw ApiException.invalid(field, "必填 / is required");
            }
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw ApiException.invalid(field, "应为 " + min + " 至 " + max + " 之间的整数 / is a whole number from " + min + " to " + max);
    }
}

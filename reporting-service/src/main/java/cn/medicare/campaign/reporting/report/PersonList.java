package cn.medicare.campaign.reporting.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Friday lists (API.md additions, "Lists and forms") the townships, the bureau and the
 * certifying agencies chase people with, as the suite's definitions (DOMAIN.md) decide who is on them.
 */
enum PersonList {
    /** 已缴费名单: registered and settled (enrolled) */
    PAID("paid", "已缴费名单"),
    /** 未缴费名单: registered, not settled */
    UNPAID("unpaid", "未缴费名单"),
    /** 困难人员未参保名单: certified today by an agency in a category, not enrolled */
    CERTIFIED_NOT_ENROLLED("certified-not-enrolled", "困难人员未参保名单"),
    /** 新生儿未参保名单: newborns registered, not settled */
    NEWBORNS_NOT_ENROLLED("newborns-not-enrolled", "新生儿未参保名单");

    final String path;
    final String title;

    PersonList(String path, String title) {
        this.path = path;
        this.title = title;
    }

    static Optional<PersonList> byPath(String path) {
        return Arrays.stream(values()).filter(list -> list.path.equals(path)).findFirst();
    }
}

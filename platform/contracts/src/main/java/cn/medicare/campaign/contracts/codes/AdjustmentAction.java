package cn.medicare.campaign.contracts.codes;

import java.util.Locale;

/** 调整类型 of a row in an agency's monthly dynamic-adjustment list (动态调整). */
public enum AdjustmentAction {
    /** 新增 */
    ADD("新增"),
    /** 退出 */
    EXIT("退出");

    private final String chinese;

    AdjustmentAction(String chinese) {
        this.chinese = chinese;
    }

    /**
     * Reads the action column of an agency list: agencies fill their spreadsheets in Chinese as
     * often as with the codes.
     */
    public static AdjustmentAction parse(String text) {
        if (text != null) {
            String value = text.strip();
            for (AdjustmentAction action : values()) {
                if (action.name().equals(value.toUpperCase(Locale.ROOT)) || action.chinese.equals(value)) {
                    return action;
                }
            }
        }
        // the text is the caller's to quote, as much of it as its answer may hold
        throw new IllegalArgumentException("调整类型应为新增或退出 (the adjustment action is ADD/新增 or EXIT/退出)");
    }
}

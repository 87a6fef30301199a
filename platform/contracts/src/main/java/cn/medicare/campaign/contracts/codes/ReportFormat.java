package cn.medicare.campaign.contracts.codes;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** 报表格式: a format a published report can be downloaded in. */
public enum ReportFormat {
    JSON,
    CSV,
    XLSX,
    HTML;

    /** The file extension, which is also how EVENTS.md writes the format ({@code json}). */
    @JsonValue
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}

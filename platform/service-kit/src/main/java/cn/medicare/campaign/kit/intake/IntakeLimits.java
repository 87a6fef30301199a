package cn.medicare.campaign.kit.intake;

import org.springframework.util.unit.DataSize;

/**
 * How much one uploaded list (名单) may hold: the body in bytes, the data rows, the characters of
 * one cell, and how far one part of an .xlsx may inflate. Settings {@code insurance.intake.*}.
 */
public record IntakeLimits(DataSize maxBodySize, int maxRows, int maxCellLength, DataSize maxInflatedPartSize) {

    public IntakeLimits {
        if (maxBodySize.toBytes() <= 0 || maxRows <= 0 || maxCellLength <= 0 || maxInflatedPartSize.toBytes() <= 0) {
            throw new IllegalArgumentException("intake limits are positive");
        }
    }

    /** The defaults of service-kit-defaults.properties, for tests and tools outside Spring. */
    public static IntakeLimits defaults() {
        return new IntakeLimits(DataSize.ofMegabytes(20), 300_000, 1_000, DataSize.ofMegabytes(100));
    }
}

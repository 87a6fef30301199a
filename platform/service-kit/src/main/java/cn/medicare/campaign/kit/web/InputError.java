package cn.medicare.campaign.kit.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason an input was refused, for the {@code errors} array of a problem+json answer: the
 * field (JSON path or column) and, for files and batches, the row.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputError(String field, Integer row, String message) {

    public static InputError field(String field, String message) {
        return new InputError(field, null, message);
    }

    public static InputError row(int row, String field, String message) {
        return new InputError(field, row, message);
    }
}

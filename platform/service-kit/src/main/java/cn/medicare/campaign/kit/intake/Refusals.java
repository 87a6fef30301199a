package cn.medicare.campaign.kit.intake;

import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/** The intake's answers to what it cannot take, in words a clerk reads: Chinese, then English. */
final class Refusals {

    private Refusals() {
    }

    static ApiException bodyTooLarge(long maxBytes) {
        String size = megabytes(maxBytes);
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                "文件超过 " + size + " 的上限 / the body is larger than " + size + ", the limit",
                List.of(InputError.field("body", "文件超过 " + size + " 的上限，请分成几个文件上传 / the body is larger than " + size
                        + ", the limit: split the list into several files")));
    }

    static ApiException tooManyRows(int maxRows) {
        String limit = String.format("%,d", maxRows);
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                "名单超过 " + limit + " 行的上限 / the list has more than " + limit + " rows, the limit",
                List.of(InputError.field("rows", "名单超过 " + limit + " 行的上限，请分成几个文件上传 / the list has more than " + limit
                        + " rows, the limit: split it into several files")));
    }

    static String tooLong(int maxLength) {
        return "超过 " + maxLength + " 个字符 / is longer than " + maxLength + " characters";
    }

    static InputError cellTooLong(int row, String column, int maxLength) {
        return InputError.row(row, column, tooLong(maxLength));
    }

    static ApiException empty() {
        return ApiException.invalid("header", "文件为空，缺少表头 / the list is empty: a header line and at least one row are expected");
    }

    static ApiException notText() {
        return ApiException.invalid("body", "不是 UTF-8 或 GB18030 编码的文本，请另存为 CSV UTF-8 / the file is neither UTF-8 nor "
                + "GB18030 text: save it as CSV UTF-8 or name its charset in Content-Type");
    }

    static ApiException unknownCharset() {
        return ApiException.invalid("Content-Type", "不支持此字符集，请用 UTF-8 或 GB18030 / the charset is not one this service reads: "
                + "use UTF-8 or GB18030");
    }

    static ApiException unreadableCsv(int row) {
        return ApiException.invalid(List.of(InputError.row(row, null, "无法读取：引号未闭合或位置不对 / cannot be read: a quoted cell is "
                + "never closed or a quote stands in the middle of a cell")));
    }

    static ApiException notAWorkbook() {
        return ApiException.invalid("file", "不是可读取的 .xlsx 工作簿 / is not an .xlsx workbook that can be read");
    }

    static ApiException zipBomb() {
        return ApiException.invalid("file", "工作簿解压后远大于文件本身（疑似压缩炸弹），已拒绝 / the workbook inflates far beyond its size "
                + "(a zip bomb) and is refused");
    }

    static ApiException notJson(String shape) {
        return ApiException.invalid("body", "不是有效的 JSON / the body is not valid JSON of the form " + shape);
    }

    static ApiException cells(List<InputError> errors) {
        return ApiException.invalid(errors);
    }

    /** A refusal raised under a parser (by a limit or by this intake) comes out as it was raised. */
    static Optional<ApiException> within(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : String.format("%,d bytes", bytes);
    }
}

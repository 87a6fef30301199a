package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.kit.web.InputError;
import java.util.List;

/**
 * A row and its outcome.
 *
 * @param row numbered from 1
 * @param idNumberMasked null when the number is not a valid one (a mask of garbage tells nobody anything)
 * @param valid null when the row is rejected
 */
record CheckedRow(int row, String idNumberMasked, AdjustmentRowInput input, ValidRow valid, List<InputError> errors) {

    boolean accepted() {
        return valid != null;
    }
}

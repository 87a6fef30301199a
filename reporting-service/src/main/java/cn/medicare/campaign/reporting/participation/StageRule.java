package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * 阶段性目标: a township that reached the stage's rate by its deadline earns the reward; one below
 * it pays the campaign's penalty for every percentage point it fell short (fractions of a point
 * count pro rata, to the fen). Judged on the exact rate (DOMAIN.md: 33,390 / 66,781 has NOT
 * reached 50 %), never on the rounded one that is shown.
 */
final class StageRule {

    private static final BigDecimal POINTS = new BigDecimal("100");

    private StageRule() {
    }

    record Outcome(boolean met, BigDecimal reward, BigDecimal penalty) {
    }

    static Outcome judge(CampaignDefined.Stage stage, int enrolled, int target) {
        return judge(stage, enrolled, target, CampaignDefined.StageRules.Penalty.PRO_RATA);
    }

    /**
     * @param target above 0: a unit with nobody to enrol is not judged ({@link StageResults})
     * @param penalty per whole point short (a part of a point does not count, or counts as a whole one), or pro rata to the fen
     */
    static Outcome judge(CampaignDefined.Stage stage, int enrolled, int target, CampaignDefined.StageRules.Penalty penalty) {
        BigDecimal needed = stage.threshold().multiply(BigDecimal.valueOf(target));
        if (BigDecimal.valueOf(enrolled).compareTo(needed) >= 0) {
            return new Outcome(true, stage.reward(), BigDecimal.ZERO.setScale(2));
        }
        BigDecimal exactRate = BigDecimal.valueOf(enrolled).divide(BigDecimal.valueOf(target), MathContext.DECIMAL64);
        BigDecimal exactPointsShort = stage.threshold().subtract(exactRate).multiply(POINTS);
        BigDecimal pointsShort = switch (penalty) {
            case WHOLE_POINTS -> exactPointsShort.setScale(0, RoundingMode.DOWN);
            case WHOLE_POINTS_ROUNDED_UP -> exactPointsShort.setScale(0, RoundingMode.UP);
            case PRO_RATA -> exactPointsShort;
        };
        return new Outcome(false, BigDecimal.ZERO.setScale(2),
                stage.penaltyPerPoint().multiply(pointsShort).setScale(2, RoundingMode.HALF_UP));
    }
}

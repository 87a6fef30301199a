package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.kit.web.ApiException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 通报排名: the townships ranked by rate at the end of each month or half-month of the collection
 * period, with the bottom three and how many periods in a row each of them has been there (the
 * county's rule: a written explanation the second time, criticism the third). For the rankings
 * endpoint and the half-monthly and monthly reports.
 */
@Component
public class TownshipRankings {

    public enum Period {
        MONTHLY, HALF_MONTHLY
    }

    public record Ranking(LocalDate periodEnd, List<Ranked> townships, List<Ranked> bottomThree) {
    }

    /**
     * @param rank townships with the same exact rate share a rank (1, 2, 2, 4)
     * @param consecutive periods in a row in the bottom three, this one included (0 when not there)
     * @param writtenExplanation in the bottom three twice in a row (or more): explains in writing
     * @param criticised in the bottom three three times in a row (or more): publicly criticised
     */
    public record Ranked(int rank, String township, String townshipName, BigDecimal rate, int consecutive, boolean writtenExplanation,
            boolean criticised) {
    }


    /** Higher exact rate first (enrolled / target compared without rounding), then by code for a stable order. */
    private static final Comparator<Figures> BY_EXACT_RATE = (a, b) -> {
        int byRate = a.target() == 0 || b.target() == 0 ? b.rate().compareTo(a.rate())
                : Long.compare((long) b.enrolled() * a.target(), (long) a.enrolled() * b.target());
        return byRate != 0 ? byRate : a.township().compareTo(b.township());
    };

    private final ParticipationStore query;

    TownshipRankings(ParticipationStore query) {
        this.query = query;
    }

    /** @param until the last day a period may end on (today, or a report's day) */
    public List<Ranking> of(String region, int coverageYear, Period period, LocalDate until) {
        CampaignDefined campaign = query.campaign(region, coverageYear)
                .orElseThrow(() -> ApiException.notFound("该地区该年度没有参保缴费工作方案 / no campaign for that region and coverage year"));
        // DOMAIN.md's bottom three, explanation after 2 and criticism after 3 in a row, unless the campaign says otherwise
        CampaignDefined.Ranking rules = campaign.rankingOrDefault();
        Map<String, Integer> streaks = new HashMap<>();
        List<Ranking> rankings = new ArrayList<>();
        for (LocalDate end : periodEnds(campaign, period, until)) {
            List<Figures> ordered = new ArrayList<>(query.townships(region, coverageYear, Moment.endOf(end)));
            ordered.sort(BY_EXACT_RATE);
            int[] ranks = new int[ordered.size()];
            for (int i = 0; i < ordered.size(); i++) {
                ranks[i] = i > 0 && sameRate(ordered.get(i - 1), ordered.get(i)) ? ranks[i - 1] : i + 1;
            }
            // the bottom three, and whoever shares a rate with the third from the bottom
            int cut = Math.max(0, ordered.size() - rules.bottom());
            List<Ranked> ranked = new ArrayList<>();
            List<Ranked> bottom = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                Figures figures = ordered.get(i);
                boolean inBottom = i >= cut || (cut < ordered.size() && ranks[i] == ranks[cut]);
                int streak = inBottom ? streaks.getOrDefault(figures.township(), 0) + 1 : 0;
                streaks.put(figures.township(), streak);
                Ranked one = new Ranked(ranks[i], figures.township(), figures.townshipName(), figures.rate(), streak,
                        streak >= rules.explainAfter(), streak >= rules.criticiseAfter());
                ranked.add(one);
                if (inBottom) {
                    bottom.add(one);
                }
            }
            rankings.add(new Ranking(end, ranked, bottom));
        }
        return rankings;
    }

    private static boolean sameRate(Figures a, Figures b) {
        return BY_EXACT_RATE.compare(a, b) == 0 || (a.target() > 0 && b.target() > 0
                && (long) a.enrolled() * b.target() == (long) b.enrolled() * a.target());
    }

    /**
     * Month ends (and 15ths) from the start of the collection period to its last deadline, as far
     * as {@code until}, and the last deadline itself.
     */
    static List<LocalDate> periodEnds(CampaignDefined campaign, Period period, LocalDate until) {
        LocalDate last = campaign.collectionPeriod().end();
        for (CampaignDefined.Extension extension : campaign.extensions()) {
            last = extension.until().isAfter(last) ? extension.until() : last;
        }
        LocalDate end = until.isBefore(last) ? until : last;
        List<LocalDate> ends = new ArrayList<>();
        for (LocalDate month = campaign.collectionPeriod().start().withDayOfMonth(1); !month.isAfter(end); month = month.plusMonths(1)) {
            if (period == Period.HALF_MONTHLY) {
                ends.add(month.withDayOfMonth(15));
            }
            ends.add(month.withDayOfMonth(month.lengthOfMonth()));
        }
        ends.removeIf(day -> day.isBefore(campaign.collectionPeriod().start()) || day.isAfter(end));
        // a period that ends mid-month (Lishi: Dec 25) keeps its last, partial half-month or month
        if (!last.isAfter(until) && !ends.contains(last)) {
            ends.add(last);
        }
        return ends;
    }
}

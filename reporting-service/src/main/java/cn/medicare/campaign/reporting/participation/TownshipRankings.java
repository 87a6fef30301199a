package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.BusinessTime;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 通报排名: the units of a level ranked by rate at the end of each month or half-month of the
 * collection period, with the bottom three and how many periods in a row each of them has been
 * there (the county's rule: a written explanation the second time, criticism the third). A period
 * end that has passed is read from the standings kept after it ({@link #settleDue}); today's open
 * period, and one that ended before the read model held the campaign until the bureau settles a stage
 * after it ({@link #settleThrough}), are computed. For the rankings endpoint and the half-monthly and
 * monthly reports.
 */
@Component
public class TownshipRankings {

    public enum Period {
        MONTHLY, HALF_MONTHLY
    }

    /**
     * @param bottomThree the bottom {@code bottom} (three unless the campaign says otherwise), ties included
     * @param bottom how many the campaign counts at the bottom; absent in a report kept before session 23 (three)
     */
    public record Ranking(LocalDate periodEnd, List<Ranked> townships, List<Ranked> bottomThree, Integer bottom) {

        public int bottomOrThree() {
            return bottom == null ? 3 : bottom;
        }
    }

    /**
     * @param rank units with the same exact rate share a rank (1, 2, 2, 4)
     * @param township the unit's township code (for a village or school: the township it belongs to, where it has one)
     * @param unit the village's or school's code; absent for a township-level unit
     * @param consecutive periods in a row in the bottom three, this one included (0 when not there)
     * @param writtenExplanation in the bottom three twice in a row (or more): explains in writing
     * @param criticised in the bottom three three times in a row (or more): publicly criticised
     * @param enrolled enrolled at the period end, and {@code target} the unit's target then: the county's rate at a period end
     *     is their sums' (absent in a report kept before session 25)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ranked(int rank, String township, String townshipName, BigDecimal rate, int consecutive, boolean writtenExplanation,
            boolean criticised, String unit, String unitName, Integer enrolled, Integer target) {
    }

    /** What a ranking needs of a unit at a period end: its target and how many were enrolled. */
    record Standing(String key, String name, String township, int target, int enrolled) {

        static Standing of(Figures figures) {
            return new Standing(figures.key(), figures.name(), figures.township(), figures.target(), figures.enrolled());
        }
    }

    /** Higher exact rate first (enrolled / target compared without rounding), then by code for a stable order. */
    private static final Comparator<Standing> BY_EXACT_RATE = (a, b) -> {
        int byRate = Long.compare((long) b.enrolled() * a.target(), (long) a.enrolled() * b.target());
        return byRate != 0 ? byRate : a.key().compareTo(b.key());
    };

    private final ParticipationStore query;
    private final PeriodStore periods;
    private final Clock clock;

    TownshipRankings(ParticipationStore query, PeriodStore periods, Clock clock) {
        this.query = query;
        this.periods = periods;
        this.clock = clock;
    }

    /** @param until the last day a period may end on (today, or a report's day) */
    public List<Ranking> of(String region, int coverageYear, Period period, LocalDate until) {
        return of(region, coverageYear, period, Level.TOWNSHIP, until);
    }

    public List<Ranking> of(String region, int coverageYear, Period period, Level level, LocalDate until) {
        CampaignDefined campaign = query.campaign(region, coverageYear)
                .orElseThrow(() -> ApiException.notFound("该地区该年度没有参保缴费工作方案 / no campaign for that region and coverage year"));
        // DOMAIN.md's bottom three, explanation after 2 and criticism after 3 in a row, unless the campaign says otherwise
        CampaignDefined.Ranking rules = campaign.rankingOrDefault();
        Map<String, String> townshipNames = level == Level.TOWNSHIP ? Map.of() : query.townshipNames(region, coverageYear);
        Map<String, Integer> streaks = Map.of();
        List<Ranking> rankings = new ArrayList<>();
        for (LocalDate end : periodEnds(campaign, period, until)) {
            // only the units ranked at this end carry a streak on: one that sat a period out (no target then) starts again
            Map<String, Integer> carried = streaks;
            streaks = new HashMap<>();
            // a unit with no one to enrol (target 0) has no rate to rank: it would sit last and push a township out of the bottom three
            List<Standing> ordered = new ArrayList<>(standings(region, coverageYear, end, level).stream()
                    .filter(standing -> standing.target() > 0).toList());
            ordered.sort(BY_EXACT_RATE);
            int[] ranks = new int[ordered.size()];
            for (int i = 0; i < ordered.size(); i++) {
                ranks[i] = i > 0 && sameRate(ordered.get(i - 1), ordered.get(i)) ? ranks[i - 1] : i + 1;
            }
            // the bottom three, and whoever shares a rate with the third from the bottom; a ranking of three has no bottom
            // three, and whoever shares the first rank is never at the bottom (every unit at 100 %)
            int cut = ordered.size() - rules.bottom();
            List<Ranked> ranked = new ArrayList<>();
            List<Ranked> bottom = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                Standing standing = ordered.get(i);
                boolean inBottom = cut > 0 && cut < ordered.size() && ranks[i] > 1 && (i >= cut || ranks[i] == ranks[cut]);
                int streak = inBottom ? carried.getOrDefault(standing.key(), 0) + 1 : 0;
                streaks.put(standing.key(), streak);
                boolean unit = level != Level.TOWNSHIP;
                Ranked one = new Ranked(ranks[i], standing.township(),
                        unit ? townshipNames.get(standing.township()) : standing.name(),
                        Figures.rate(standing.enrolled(), standing.target()), streak,
                        // only the bottom is asked to explain or criticised, whatever count a campaign of old gave (0)
                        inBottom && streak >= rules.explainAfter(), inBottom && streak >= rules.criticiseAfter(),
                        unit ? standing.key() : null,
                        unit ? standing.name() : null, standing.enrolled(), standing.target());
                ranked.add(one);
                if (inBottom) {
                    bottom.add(one);
                }
            }
            rankings.add(new Ranking(end, ranked, bottom, rules.bottom()));
        }
        return rankings;
    }

    /** A passed period end as kept, else as the figures stood at its end (today's open period, or one the schedule has yet to keep). */
    private List<Standing> standings(String region, int coverageYear, LocalDate end, Level level) {
        return periods.standings(region, coverageYear, end, level)
                .orElseGet(() -> query.units(level, region, coverageYear, Moment.endOf(end)).stream().map(Standing::of).toList());
    }

    /** Whether a period end of the campaign has passed and its standings were not kept yet. */
    boolean due(CampaignDefined campaign) {
        return !unsettledEnds(campaign).isEmpty();
    }

    /** Whether every period end up to {@code day} that {@link #settleDue} keeps was kept. */
    boolean keptThrough(CampaignDefined campaign, LocalDate day) {
        return unsettledEnds(campaign).stream().allMatch(end -> end.isAfter(day));
    }

    /** Keeps every level's standings at each period end of the campaign that has passed and was not kept yet. */
    void settleDue(CampaignDefined campaign) {
        settle(campaign, unsettledEnds(campaign));
    }

    /**
     * Keeps the standings of every period end up to {@code through} not kept yet, on the figures as they stand for each:
     * the bureau's settling of a stage that closed before the read model held the campaign settles the ends before it too.
     */
    void settleThrough(CampaignDefined campaign, LocalDate through) {
        settle(campaign, periodEnds(campaign, Period.HALF_MONTHLY, through).stream()
                .filter(end -> !periods.settled(campaign.region(), campaign.coverageYear(), end)).toList());
    }

    private void settle(CampaignDefined campaign, List<LocalDate> ends) {
        for (LocalDate end : ends) {
            Map<Level, List<Standing>> byLevel = new EnumMap<>(Level.class);
            for (Level level : Level.values()) {
                byLevel.put(level, query.units(level, campaign.region(), campaign.coverageYear(), Moment.endOf(end)).stream()
                        .map(Standing::of).toList());
            }
            periods.settle(campaign.region(), campaign.coverageYear(), end, byLevel, clock.instant());
        }
    }

    /** The passed period ends not kept yet that ended while the read model held the campaign (as a stage's deadline). */
    private List<LocalDate> unsettledEnds(CampaignDefined campaign) {
        return periodEnds(campaign, Period.HALF_MONTHLY, BusinessTime.today(clock).minusDays(1)).stream()
                .filter(end -> !periods.settled(campaign.region(), campaign.coverageYear(), end))
                .filter(end -> query.campaignHeldBefore(campaign.region(), campaign.coverageYear(), Moment.endOf(end).until()))
                .toList();
    }

    private static boolean sameRate(Standing a, Standing b) {
        return (long) a.enrolled() * b.target() == (long) b.enrolled() * a.target();
    }

    /**
     * Month ends (and 15ths) from the first day anyone may pay (a category's own earlier period too)
     * to the last deadline, as far as {@code until}, and the last deadline itself.
     */
    static List<LocalDate> periodEnds(CampaignDefined campaign, Period period, LocalDate until) {
        LocalDate first = campaign.firstCollectionDay();
        LocalDate last = campaign.lastCollectionDay();
        LocalDate end = until.isBefore(last) ? until : last;
        List<LocalDate> ends = new ArrayList<>();
        for (LocalDate month = first.withDayOfMonth(1); !month.isAfter(end); month = month.plusMonths(1)) {
            if (period == Period.HALF_MONTHLY) {
                ends.add(month.withDayOfMonth(15));
            }
            ends.add(month.withDayOfMonth(month.lengthOfMonth()));
        }
        ends.removeIf(day -> day.isBefore(first) || day.isAfter(end));
        // a period that ends mid-month (Lishi: Dec 25) keeps its last, partial half-month or month
        if (!last.isAfter(until) && !ends.contains(last)) {
            ends.add(last);
        }
        return ends;
    }
}

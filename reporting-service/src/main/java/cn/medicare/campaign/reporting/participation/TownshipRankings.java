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

    /** @param consecutive periods in a row in the bottom three, this one included (0 when not there) */
    public record Ranked(int rank, String township, String townshipName, BigDecimal rate, int consecutive) {
    }

    private static final int BOTTOM = 3;

    private final ParticipationStore query;

    TownshipRankings(ParticipationStore query) {
        this.query = query;
    }

    /** @param until the last day a period may end on (today, or a report's day) */
    public List<Ranking> of(String region, int coverageYear, Period period, LocalDate until) {
        CampaignDefined campaign = query.campaign(region, coverageYear)
                .orElseThrow(() -> ApiException.notFound("该地区该年度没有参保缴费工作方案 / no campaign for that region and coverage year"));
        Map<String, Integer> streaks = new HashMap<>();
        List<Ranking> rankings = new ArrayList<>();
        for (LocalDate end : periodEnds(campaign, period, until)) {
            List<Figures> ordered = new ArrayList<>(query.townships(region, coverageYear, Moment.endOf(end)));
            ordered.sort(Comparator.comparing((Figures figures) -> figures.rate(), Comparator.reverseOrder()).thenComparing(Figures::township));
            List<String> bottom = ordered.subList(Math.max(0, ordered.size() - BOTTOM), ordered.size()).stream()
                    .map(Figures::township).toList();
            for (Figures figures : ordered) {
                streaks.put(figures.township(), bottom.contains(figures.township()) ? streaks.getOrDefault(figures.township(), 0) + 1 : 0);
            }
            List<Ranked> ranked = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                Figures figures = ordered.get(i);
                ranked.add(new Ranked(i + 1, figures.township(), figures.townshipName(), figures.rate(), streaks.get(figures.township())));
            }
            rankings.add(new Ranking(end, ranked, ranked.subList(Math.max(0, ranked.size() - BOTTOM), ranked.size())));
        }
        return rankings;
    }

    /** Month ends (and 15ths) from the start of the collection period to its last deadline, as far as {@code until}. */
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
        return ends;
    }
}

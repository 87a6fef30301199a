package cn.medicare.campaign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.infra.postgres.PostgresServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The county's figures recomputed from the source services' own tables, not from any event: who is
 * registered (enrollment-service's enrolment rows), what each owes (subsidy-service's assessments)
 * and what each paid (the tax adapter's payments less refunds), per township. After any fault, what
 * the reporting service shows and what the tax adapter holds as settled must equal it, and every
 * levy item's paid total must be the sum of its payments: nothing lost, nothing counted twice.
 */
final class SourceRecount {

    /** How long the services that derive their state from events may still be catching up. */
    private static final Duration CATCHING_UP = Duration.ofMinutes(1);

    /** Registered and enrolled per township. */
    record Counts(int registered, int enrolled) {
    }

    private SourceRecount() {
    }

    static Map<String, Counts> byTownship(PostgresServer postgres, String region, int coverageYear) {
        Map<String, String> townshipOf = new HashMap<>();
        query(postgres, "enrollment", """
                select person_id, township from enrolment
                where region = ? and coverage_year = ? and (withdrawn_on is null or withdrawn_on > current_date)""",
                region, coverageYear, row -> townshipOf.put(row.getString(1), row.getString(2)));
        Map<String, BigDecimal> payable = new HashMap<>();
        query(postgres, "subsidy", "select person_id, payable_amount from assessment where region = ? and coverage_year = ?",
                region, coverageYear, row -> payable.put(row.getString(1), row.getBigDecimal(2)));
        Map<String, BigDecimal> paid = new HashMap<>();
        query(postgres, "tax", """
                select person_id, sum(amount) from (
                    select person_id, region, coverage_year, amount from payment
                    union all
                    select person_id, region, coverage_year, -amount from refund) money
                where region = ? and coverage_year = ?
                group by person_id""", region, coverageYear, row -> paid.put(row.getString(1), row.getBigDecimal(2)));
        return count(townshipOf, person -> payable.containsKey(person)
                && paid.getOrDefault(person, BigDecimal.ZERO).compareTo(payable.get(person)) >= 0);
    }

    /** The same people as settled by the tax adapter's levy list. */
    static Map<String, Counts> settledByTheTaxAdapter(PostgresServer postgres, String region, int coverageYear) {
        Map<String, String> townshipOf = new HashMap<>();
        Set<String> settled = new HashSet<>();
        query(postgres, "tax", """
                select person_id, township, settled_payable is not null from levy_item
                where region = ? and coverage_year = ? and not withdrawn and township is not null""",
                region, coverageYear, row -> {
                    townshipOf.put(row.getString(1), row.getString(2));
                    if (row.getBoolean(3)) {
                        settled.add(row.getString(1));
                    }
                });
        return count(townshipOf, settled::contains);
    }

    /**
     * The reporting service's participation by township and the tax adapter's settled people equal the
     * recount (once both have consumed what the sources published); the tax adapter counted every payment once.
     */
    static void assertFiguresMatchTheSources(PostgresServer postgres, Supplier<JsonNode> participation) {
        await().atMost(CATCHING_UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode figures = participation.get();
            String region = figures.get("region").asString();
            int coverageYear = figures.get("coverageYear").asInt();
            Map<String, Counts> recount = byTownship(postgres, region, coverageYear);
            Map<String, Counts> shown = new TreeMap<>();
            figures.get("townships").forEach(row -> {
                if (row.get("registered").asInt() > 0) {
                    shown.put(row.get("township").asString(), new Counts(row.get("registered").asInt(), row.get("enrolled").asInt()));
                }
            });
            assertThat(shown).as("participation by township = recount from enrollment's, subsidy's and the tax adapter's tables")
                    .isEqualTo(recount);
            assertThat(settledByTheTaxAdapter(postgres, region, coverageYear)).as("the tax adapter's settled people = recount")
                    .isEqualTo(recount);
            int[] wrong = new int[1];
            query(postgres, "tax", """
                    select count(*) from levy_item item
                    where region = ? and coverage_year = ?
                      and item.paid_total + item.fund_paid <> coalesce((select sum(amount) from payment
                            where payment.person_id = item.person_id and payment.coverage_year = item.coverage_year), 0)
                          - coalesce((select sum(refund.amount) from refund
                            where refund.person_id = item.person_id and refund.coverage_year = item.coverage_year), 0)""",
                    region, coverageYear, row -> wrong[0] = row.getInt(1));
            assertThat(wrong[0]).as("levy items whose paid total is not the sum of their payments less refunds").isZero();
        });
    }

    private static Map<String, Counts> count(Map<String, String> townshipOf, Predicate<String> enrolled) {
        Map<String, int[]> counts = new TreeMap<>();
        townshipOf.forEach((person, township) -> {
            int[] count = counts.computeIfAbsent(township, t -> new int[2]);
            count[0]++;
            if (enrolled.test(person)) {
                count[1]++;
            }
        });
        Map<String, Counts> result = new TreeMap<>();
        counts.forEach((township, count) -> result.put(township, new Counts(count[0], count[1])));
        return result;
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    /** Each recount is of one campaign: its SQL has two placeholders, the region and the coverage year. */
    private static void query(PostgresServer postgres, String database, String sql, String region, int coverageYear, Row each) {
        try (Connection connection = postgres.connect(database); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, region);
            statement.setInt(2, coverageYear);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not recount from " + database, e);
        }
    }
}

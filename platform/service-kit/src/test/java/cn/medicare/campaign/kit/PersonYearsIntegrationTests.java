package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link PersonYears} picks the given pairs of person and coverage year, not every year of every person given. */
class PersonYearsIntegrationTests extends KitIntegrationTestBase {

    private record Key(String personId, int coverageYear) {
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void theGivenPersonYearsAndNoOtherYearOfThesePeople() {
        jdbc.sql("create table if not exists person_years_test (person_id varchar(64), coverage_year int, primary key (person_id, coverage_year))")
                .update();
        jdbc.sql("""
                insert into person_years_test values ('person-a', 2018), ('person-a', 2019), ('person-b', 2018), ('person-b', 2019),
                                                     ('person-c', 2018)
                on conflict do nothing""").update();

        List<Key> found = PersonYears.bind(jdbc.sql("select person_id, coverage_year from person_years_test where %s order by 1"
                .formatted(PersonYears.MATCH)), List.of(new Key("person-a", 2018), new Key("person-b", 2019), new Key("person-d", 2018)),
                Key::personId, Key::coverageYear).query((row, n) -> new Key(row.getString(1), row.getInt(2))).list();

        assertThat(found).containsExactly(new Key("person-a", 2018), new Key("person-b", 2019));
    }
}

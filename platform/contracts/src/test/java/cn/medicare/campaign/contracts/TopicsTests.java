package cn.medicare.campaign.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTests {

    @Test
    void deadLetterTopicIsPerConsumerGroup() {
        assertThat(Topics.deadLetter(Topics.ROSTER, "reporting-service"))
                .isEqualTo("insurance.roster.v1.reporting-service.dlt");
    }

    @Test
    void allListsEveryTopicOnce() {
        assertThat(Topics.ALL).doesNotHaveDuplicates().hasSize(6).allMatch(topic -> topic.matches("insurance\\.[a-z]+\\.v1"));
    }
}

package cn.medicare.campaign.kit.kafka;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.web.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For the operations team, after the RecordsDeadLettered alert and a fix: send the dead letters back. */
@RestController
class DeadLetterController {

    /** @param passedOver dead letters whose plain ID numbers were starred: their producer sends them again */
    record Replayed(String topic, String deadLetterTopic, int replayed, int passedOver) {
    }

    private final DeadLetterReplay replay;
    private final String group;

    DeadLetterController(DeadLetterReplay replay, String group) {
        this.replay = replay;
        this.group = group;
    }

    @PostMapping("/api/v1/operations/dead-letters/replay")
    @PreAuthorize("hasRole('BUREAU')")
    Replayed replay(@RequestParam String topic) {
        if (!Topics.ALL.contains(topic)) {
            throw ApiException.invalid("topic", "应为本系统的主题 " + Topics.ALL + " 之一 / is one of the suite's topics " + Topics.ALL);
        }
        DeadLetterReplay.Outcome outcome = replay.replay(topic);
        return new Replayed(topic, Topics.deadLetter(topic, group), outcome.replayed(), outcome.passedOver());
    }
}

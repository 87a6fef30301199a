package cn.medicare.campaign.kit.kafka;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.web.ApiException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For the operations team, after the RecordsDeadLettered alert and a fix: give the dead letters back to this service's consumer. */
@RestController
class DeadLetterController {

    /**
     * @param deadLetteredAgain of those replayed, the ones that failed again: back on the dead-letter topic
     * @param passedOver dead letters whose plain ID numbers were starred: their producer sends them again
     * @param finished false where the consumer's batches held its turn too long: replay again for the rest
     */
    record Replayed(String topic, String deadLetterTopic, int replayed, int deadLetteredAgain, int passedOver, boolean finished) {
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
        if (!Topics.ALL.contains(topic) || !replay.consumes(topic)) {
            List<String> consumed = Topics.ALL.stream().filter(replay::consumes).toList();
            throw ApiException.invalid("topic", "应为本服务所消费的主题 " + consumed + " 之一 / is one of the topics this service consumes "
                    + consumed);
        }
        DeadLetterReplay.Outcome outcome;
        try {
            outcome = replay.replay(topic);
        } catch (DeadLetterReplay.ReplayRunning e) {
            throw ApiException.conflict("本服务的死信正在重放中，请待其结束后再试 / a replay of this service's dead letters is running:"
                    + " send this one again once it has ended");
        }
        return new Replayed(topic, Topics.deadLetter(topic, group), outcome.replayed(), outcome.deadLetteredAgain(), outcome.passedOver(),
                outcome.finished());
    }
}

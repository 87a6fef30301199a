package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * 名单下发: the Friday lists of a campaign (paid, unpaid, certified-not-enrolled,
 * newborns-not-enrolled) were issued and kept; the townships and agencies read them with
 * {@code GET /api/v1/lists/{list}?...&issued={issueId}}. It carries counts only: a list's people
 * are read through the API by those entitled to them.
 */
public record ListsIssued(String issueId, String region, int coverageYear, Instant issuedAt, List<Issued> lists) implements Event {

    public ListsIssued {
        requireNonNull(issueId, "issueId");
        requireNonNull(region, "region");
        requireNonNull(issuedAt, "issuedAt");
        lists = List.copyOf(requireNonNull(lists, "lists"));
    }

    @Override
    public EventType type() {
        return EventType.LISTS_ISSUED;
    }

    @Override
    public String key() {
        return issueId;
    }

    /** @param list paid, unpaid, certified-not-enrolled or newborns-not-enrolled; @param people how many are on it county-wide */
    public record Issued(String list, int people) {

        public Issued {
            requireNonNull(list, "list");
        }
    }
}

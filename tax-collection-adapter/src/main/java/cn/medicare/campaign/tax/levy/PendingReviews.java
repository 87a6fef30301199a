package cn.medicare.campaign.tax.levy;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The levy items the current transaction's facts left reviewable, as the upserts return them, until the batch judges
 * them once ({@link LevyListService#review()}). Held by the transaction, not by this bean: the consumers of several
 * partitions may apply batches side by side, and a batch applied again one event at a time starts each with none.
 */
@Component
class PendingReviews {

    void add(Collection<PersonYear> items) {
        if (!items.isEmpty()) {
            gathered().addAll(items);
        }
    }

    /** What was gathered so far, which is then gathered afresh. */
    List<PersonYear> take() {
        @SuppressWarnings("unchecked")
        Set<PersonYear> items = (Set<PersonYear>) TransactionSynchronizationManager.getResource(this);
        if (items == null) {
            return List.of();
        }
        List<PersonYear> taken = List.copyOf(items);
        items.clear();
        return taken;
    }

    @SuppressWarnings("unchecked")
    private Set<PersonYear> gathered() {
        Set<PersonYear> items = (Set<PersonYear>) TransactionSynchronizationManager.getResource(this);
        if (items == null) {
            // registered first: outside a transaction it refuses, before anything is left bound to the thread
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PendingReviews.this);
                }
            });
            Set<PersonYear> bound = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, bound);
            return bound;
        }
        return items;
    }
}

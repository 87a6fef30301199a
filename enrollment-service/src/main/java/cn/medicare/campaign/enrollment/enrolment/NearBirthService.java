package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.identity.NearBirthRule;
import cn.medicare.campaign.enrollment.campaign.CampaignStore;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Which dates about a person lie so near their birth that they are shown and published as the birth's flag
 * ({@link NearBirthRule}): a withdrawal, an e-voucher's activation. Decided on the campaigns known now, as the agency rows are.
 */
@Service
class NearBirthService {

    private final CampaignStore campaigns;

    NearBirthService(CampaignStore campaigns) {
        this.campaigns = campaigns;
    }

    /** A judge for one request: the first collection day and each region's openings read once. */
    Dates dates() {
        return new Dates(campaigns.firstCollectionDay().orElse(null));
    }

    final class Dates {

        private final LocalDate firstCollectionDay;
        private final Map<String, List<LocalDate>> openings = new HashMap<>();

        private Dates(LocalDate firstCollectionDay) {
            this.firstCollectionDay = firstCollectionDay;
        }

        boolean near(LocalDate date, LocalDate birthDate, String idNumberMasked, String region) {
            return NearBirthRule.near(date, birthDate, openings.computeIfAbsent(region, campaigns::collectionOpenings), firstCollectionDay,
                    idNumberMasked);
        }
    }
}

package cn.medicare.campaign.enrollment.campaign;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.TargetsSet;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A campaign as the API shows it: the fields of CampaignDefined, with its township targets and its villages' and schools'. */
record CampaignView(@JsonUnwrapped CampaignDefined campaign, List<TargetsSet.Target> targets,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TargetsSet.Unit> units) {
}

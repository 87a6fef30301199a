package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The blank form this service takes back: 附件3, for the agencies, offering each the categories it certifies. */
@RestController
class TemplateController {

    @GetMapping("/api/v1/templates/adjustment-list.xlsx")
    @PreAuthorize("hasAnyRole('AGENCY','BUREAU')")
    ResponseEntity<byte[]> adjustmentList(Caller caller) {
        return AdjustmentListForm.blank(caller.agency()).download("附件3-困难人口动态调整名单.xlsx");
    }
}

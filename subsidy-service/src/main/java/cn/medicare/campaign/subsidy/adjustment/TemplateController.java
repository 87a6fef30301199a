package cn.medicare.campaign.subsidy.adjustment;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The blank form this service takes back: 附件3, for the agencies. */
@RestController
class TemplateController {

    @GetMapping("/api/v1/templates/adjustment-list.xlsx")
    @PreAuthorize("hasAnyRole('AGENCY','BUREAU')")
    ResponseEntity<byte[]> adjustmentList() {
        return AdjustmentListForm.blank().download("附件3-困难人口动态调整名单.xlsx");
    }
}

package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.kit.export.BlankForm;
import java.util.List;
import java.util.Set;

/**
 * 附件4 新参保登记表 as a blank workbook for the townships and schools, with a drop-down for 人员类别;
 * filled in and uploaded as it is ({@code POST /api/v1/enrolments/batch}, multipart), it is read back
 * by {@link EnrolmentList}.
 */
final class NewEnrolmentForm {

    private NewEnrolmentForm() {
    }

    static BlankForm blank() {
        return BlankForm.of("附件4", "新参保登记表", EnrolmentList.FORM_HEADER)
                .width("乡(镇)/街道/学校", 18).width("村/社区/班级", 16).width("身份证号码", 22).width("备注", 24)
                .choices("人员类别", List.of("普通城乡居民", "中小学生", "未成年人", "大学生", "新生儿"))
                .text(Set.of("身份证号码", "电话号码"));
    }
}

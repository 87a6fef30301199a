package cn.medicare.campaign.contracts.codes;

import java.util.Arrays;

/** 认定部门: an agency that certifies who is entitled to assistance. */
public enum Agency {
    /** 民政 */
    CIVIL_AFFAIRS("civil-affairs"),
    /** 乡村振兴 / 农业农村 */
    RURAL_REVITALIZATION("rural-revitalization"),
    /** 残联 */
    DISABLED_FEDERATION("disabled-federation"),
    /** 退役军人事务 */
    VETERANS_AFFAIRS("veterans-affairs"),
    /** 卫健 */
    HEALTH("health");

    private final String clientId;

    Agency(String clientId) {
        this.clientId = clientId;
    }

    /** The API client id this agency authenticates as (API.md). */
    public String clientId() {
        return clientId;
    }

    /** The agency an authenticated API client acts for. */
    public static Agency ofClientId(String clientId) {
        return Arrays.stream(values())
                .filter(agency -> agency.clientId.equals(clientId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no agency has client id " + clientId));
    }
}

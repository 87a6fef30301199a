package cn.medicare.campaign.stack;

import cn.medicare.campaign.enrollment.EnrollmentServiceApplication;
import cn.medicare.campaign.reporting.ReportingServiceApplication;
import cn.medicare.campaign.subsidy.SubsidyServiceApplication;
import cn.medicare.campaign.tax.TaxCollectionAdapterApplication;

/** The four services of the suite: where each listens and which database it owns. */
public enum SuiteService {

    ENROLLMENT("enrollment-service", EnrollmentServiceApplication.class, 8081, "enrollment"),
    SUBSIDY("subsidy-service", SubsidyServiceApplication.class, 8082, "subsidy"),
    TAX("tax-collection-adapter", TaxCollectionAdapterApplication.class, 8083, "tax"),
    REPORTING("reporting-service", ReportingServiceApplication.class, 8084, "reporting");

    private final String serviceName;
    private final Class<?> application;
    private final int port;
    private final String database;

    SuiteService(String serviceName, Class<?> application, int port, String database) {
        this.serviceName = serviceName;
        this.application = application;
        this.port = port;
        this.database = database;
    }

    String serviceName() {
        return serviceName;
    }

    Class<?> application() {
        return application;
    }

    int port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** Where the local stack serves it (API.md's ports). */
    String url() {
        return "http://localhost:" + port;
    }
}

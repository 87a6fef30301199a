package cn.medicare.campaign.infra;

/** Infrastructure whose servers run in this JVM, so that a fault test can restart them mid-stream. */
public interface RestartableInfrastructure extends Infrastructure {

    /** The broker stops and starts again on the same port, its logs kept. */
    void restartKafka();

    /** PostgreSQL stops (sessions end, open transactions roll back) and starts again on the same data and port. */
    void restartPostgres();
}

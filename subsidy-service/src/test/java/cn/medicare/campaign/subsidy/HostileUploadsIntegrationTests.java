package cn.medicare.campaign.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.fixtures.Uploads;
import cn.medicare.campaign.infra.testing.HostileUploads;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The acceptance check of the hardened intake: a 50 MB list and an .xlsx that inflates past 1 GB
 * are answered 413 and 400 without the service reading them whole, and it stays UP.
 */
class HostileUploadsIntegrationTests extends SubsidyIntegrationTestBase {

    private static final long FIFTY_MB = 50L * 1024 * 1024;
    private static final long TWENTY_MB = 20L * 1024 * 1024;
    private static final long ONE_MB = 1024 * 1024;
    private static final String BOUNDARY = "bomb-boundary";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    MeterRegistry meters;

    @Test
    void aFiftyMegabyteListIsRefusedWith413BeforeItIsSentWhole() throws Exception {
        AtomicLong sent = new AtomicLong();
        HttpResponse<String> declared = postCsv(HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> counted(list(FIFTY_MB), sent)), FIFTY_MB));

        assertTooLarge(declared);
        assertThat(sent.get()).as("bytes the client had produced when answered").isLessThan(FIFTY_MB);
        assertUp();
    }

    /**
     * Without a length the service learns the size only by reading: it stops at the limit, answers
     * 413 and closes the connection. The JDK client, still sending, may see the connection end
     * before it has read that answer, so the 413 is asserted where it is sure: in the service's
     * own request metrics. What the client sent is no measure here: the kernel takes the rest of the
     * body into the connection's buffers (up to 32 MB on a machine with Debian's tcp_rmem), read or
     * not, so the bytes are counted where the service read them.
     */
    @Test
    void aFiftyMegabyteListSentWithoutALengthStopsBeingReadAtTheLimit() {
        int batches = batches();
        double refusedBefore = refused413();
        double readBefore = bodyBytesRead();
        try {
            assertTooLarge(postCsv(HttpRequest.BodyPublishers.ofInputStream(() -> list(FIFTY_MB))));
        } catch (IOException connectionEndedWhileSending) {
            // the answer was the connection's end; the metrics below say what it was
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(refused413()).isEqualTo(refusedBefore + 1));
        assertReadToTheLimitAndNoFurther(readBefore);
        assertThat(batches()).isEqualTo(batches);
        assertUp();
    }

    /** An upload sent without a length: Tomcat stops reading the parts at the same limit. */
    @Test
    void aFiftyMegabyteUploadSentWithoutALengthIsStoppedAtTheLimitToo() {
        double refusedBefore = refused413();
        double readBefore = bodyBytesRead();
        try {
            HttpResponse<String> response = HTTP.send(request("multipart/form-data; boundary=" + BOUNDARY,
                    HttpRequest.BodyPublishers.ofInputStream(() -> multipartOf(FIFTY_MB))),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("file");
        } catch (IOException connectionEndedWhileSending) {
            // the answer was the connection's end; the metrics below say what it was
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(refused413()).isEqualTo(refusedBefore + 1));
        assertReadToTheLimitAndNoFurther(readBefore);
        assertUp();
    }

    @Test
    void anXlsxThatInflatesPastAGigabyteIsBadInput() {
        byte[] bomb = HostileUploads.xlsxBomb(1100L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(4 * 1024 * 1024);

        HttpResponse<String> response = postBytes("civil-affairs", "/api/v1/adjustment-batches?month=2017-10",
                "multipart/form-data; boundary=" + BOUNDARY, Uploads.multipart(BOUNDARY, "2017-10.xlsx", bomb));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("file");
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].message")).contains("zip bomb");
        assertUp();
    }

    /** An agency list of rows long enough that the body limit, not the row limit, is met first. */
    private static InputStream list(long size) {
        return HostileUploads.csvOf("township,village,idNumber,phone,action,category,effectiveDate",
                Liancheng.LIANFENG + ",城关村第一村民小组第二自然村东片区," + Liancheng.idNumber(499) + ",13800000000,ADD,ORPHAN,2017-10-15",
                size);
    }

    private HttpResponse<String> postCsv(HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        return HTTP.send(request("text/csv", body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest request(String contentType, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/adjustment-batches?month=2017-10"))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("civil-affairs:local-civil-affairs"
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(body).build();
    }

    /** A multipart body whose part {@code file} runs on for {@code size} bytes. */
    private static InputStream multipartOf(long size) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"2017-10.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        return new SequenceInputStream(new ByteArrayInputStream(head), list(size));
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].message")).contains("20 MB");
    }

    /** Requests the service answered 413; an upload refused while its parts are read has no route yet (uri UNKNOWN). */
    private double refused413() {
        return meters.find("http.server.requests").tag("method", "POST").tag("status", "413").timers().stream()
                .mapToDouble(timer -> timer.count()).sum();
    }

    /**
     * Tomcat adds a request's body bytes read to its meter once the request is done, all at once:
     * past the limit (it was read up to it) means that request's count has landed; a reader's
     * buffer beyond it is all it may have read more.
     */
    private void assertReadToTheLimitAndNoFurther(double readBefore) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(bodyBytesRead() - readBefore)
                .as("body bytes the service read").isGreaterThan(TWENTY_MB));
        assertThat(bodyBytesRead() - readBefore).as("body bytes the service read").isLessThan(TWENTY_MB + ONE_MB);
    }

    /** Body bytes Tomcat handed to the service, summed over finished requests. */
    private double bodyBytesRead() {
        return meters.find("tomcat.global.received").functionCounters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    private int batches() {
        return jdbc.queryForObject("select count(*) from adjustment_batch", Integer.class);
    }

    private void assertUp() {
        HttpResponse<String> health = get(null, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("UP");
    }

    private static InputStream counted(InputStream in, AtomicLong sent) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    sent.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                    sent.addAndGet(n);
                }
                return n;
            }
        };
    }
}

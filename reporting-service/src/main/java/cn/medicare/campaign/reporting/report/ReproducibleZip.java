package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.kit.BusinessTime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An Office file's archive with every entry dated at the report's moment (Beijing time, whatever the machine's zone): the writer dates them
 * with the clock, which would make the same report differ byte for byte from one download to the next.
 */
final class ReproducibleZip {

    private ReproducibleZip() {
    }

    static byte[] of(byte[] zip, Instant at) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(LocalDateTime.ofInstant(at, BusinessTime.ZONE));
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.conclave.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds zip and tar.gz archives in memory, good and hostile ones, so no binary is committed. */
final class TestArchives {
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> links = new LinkedHashMap<>();
    private final Map<String, String> hardLinks = new LinkedHashMap<>();

    static TestArchives project() {
        return new TestArchives()
                .file("README.md", "# Greeter\nGreets people.\n## Install\npip install greeter\n")
                .file("greeter/app.py", "def greet(name):\n    return 'hi ' + name\n")
                .file("tests/test_app.py", "from greeter.app import greet\n\ndef test_greet():\n    assert greet('a') == 'hi a'\n");
    }

    TestArchives file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code count} files {@code <folder>/f<n>.txt}, each holding {@code content}. */
    TestArchives files(String folder, int count, String content) {
        for (int i = 0; i < count; i++) {
            file(folder + "/f" + i + ".txt", content);
        }
        return this;
    }

    TestArchives file(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    TestArchives symlink(String path, String target) {
        links.put(path, target);
        return this;
    }

    TestArchives hardLink(String path, String target) {
        hardLinks.put(path, target);
        return this;
    }

    byte[] zip() {
        return zip(Deflater.DEFAULT_COMPRESSION);
    }

    byte[] zip(int level) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.setLevel(level);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeArchiveEntry();
            }
            for (Map.Entry<String, String> link : links.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(link.getKey());
                entry.setUnixMode(UnixStat.LINK_FLAG | 0777);
                zip.putArchiveEntry(entry);
                zip.write(link.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A tar.gz written the way {@code tar -C dir -czf x.tgz .} writes it: every name under {@code ./}. */
    byte[] tarGz() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GzipCompressorOutputStream(bytes);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.putArchiveEntry(new TarArchiveEntry("./"));
            tar.closeArchiveEntry();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                // An absolute name is written as given; the default constructor would strip its leading '/'.
                TarArchiveEntry entry = file.getKey().startsWith("/") ? new TarArchiveEntry(file.getKey(), true)
                        : new TarArchiveEntry("./" + file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
            for (Map.Entry<String, String> link : links.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry("./" + link.getKey(), TarConstants.LF_SYMLINK);
                entry.setLinkName(link.getValue());
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
            for (Map.Entry<String, String> link : hardLinks.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry("./" + link.getKey(), TarConstants.LF_LINK);
                entry.setLinkName(link.getValue());
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One entry of {@code bytes} zeros, deflated: about a thousandth of its size. */
    static byte[] zerosZip(String path, long bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putArchiveEntry(new ZipArchiveEntry(path));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written < bytes; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, bytes - written));
            }
            zip.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

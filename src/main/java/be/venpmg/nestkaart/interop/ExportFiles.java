package be.venpmg.nestkaart.interop;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.util.stream.Stream;

/**
 * The public exports as files on disk, made again only when the data changed since (every change writes a revision),
 * so a harvester downloading the whole dataset costs one file read, not one database scan per request.
 */
@Singleton
class ExportFiles {
    enum Format {
        JSON("hsds", ".json"), DATAPACKAGE("hsds-datapackage", ".zip");

        private final String stem;
        private final String extension;

        Format(String stem, String extension) {
            this.stem = stem;
            this.extension = extension;
        }
    }

    private final HsdsExporter exporter;
    private final JdbcOperations jdbc;
    private final Path folder;

    ExportFiles(HsdsExporter exporter, JdbcOperations jdbc, @Value("${nestkaart.data-dir}") String dataDir) {
        this.exporter = exporter;
        this.jdbc = jdbc;
        this.folder = Path.of(dataDir, "export");
    }

    /**
     * The current export in this format, made now if the data changed since the last one; read in one read-only
     * transaction, so the file is one consistent state of the data.
     */
    @ReadOnly
    synchronized Path current(Format format) throws IOException {
        String stamp = dataVersion();
        Path file = folder.resolve(format.stem + "-" + stamp + format.extension);
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, format.stem, ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            if (format == Format.JSON) {
                exporter.writeJson(out);
            } else {
                exporter.writeDatapackage(out);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        removeOlder(format, file);
        return file;
    }

    private void removeOlder(Format format, Path keep) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path old : files.filter(p -> p.getFileName().toString().startsWith(format.stem + "-")
                    && p.getFileName().toString().endsWith(format.extension) && !p.equals(keep)).toList()) {
                Files.deleteIfExists(old);
            }
        }
    }

    /**
     * Which database (a restored or another one may share revision numbers) and its newest revision: every change,
     * an erasure included, adds one, and revision ids only grow.
     */
    private String dataVersion() {
        return jdbc.prepareStatement("SELECT (SELECT MIN(id) FROM installation), "
                + "(SELECT COALESCE(MAX(id), 0) FROM revision)", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return String.valueOf(rs.getString(1)).replaceAll("[^A-Za-z0-9-]", "") + "-" + rs.getLong(2);
            }
        });
    }
}

package be.venpmg.nestkaart.interop;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reads a dataset to import, whatever its form (tabular JSON, a data package as zip or folder, a spreadsheet's CSV
 * sheet), within the {@link ImportLimits}.
 */
@Singleton
public class DatasetReader {
    private final ImportLimits limits;
    private final SpreadsheetReader spreadsheets;

    DatasetReader(ImportLimits limits, SpreadsheetReader spreadsheets) {
        this.limits = limits;
        this.spreadsheets = spreadsheets;
    }

    HsdsDataset read(Path file) throws IOException {
        return read(file, null);
    }

    /** @param sheet for a spreadsheet's CSV file: which sheet it is (null: as its name says) */
    HsdsDataset read(Path file, String sheet) throws IOException {
        long size = sizeOnDisk(file);
        if (size > limits.maxFileSize()) {
            throw limits.fileTooLarge(size);
        }
        if (DatapackageReader.isDatapackage(file)) {
            return DatapackageReader.read(file, limits);
        }
        if (SpreadsheetReader.isSpreadsheet(file)) {
            return spreadsheets.read(file, sheet);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    HsdsDataset read(InputStream json) {
        return HsdsDataset.parse(json, limits);
    }

    private static long sizeOnDisk(Path file) throws IOException {
        if (!Files.isDirectory(file)) {
            return Files.size(file);
        }
        try (Stream<Path> files = Files.walk(file)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }
}

package io.receivables.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.receivables.contracts.json.EventJson;

/** Reads test and catalogue files from the class path. */
public final class TestResources {

    private TestResources() {
    }

    public static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String resource) {
        return EventJson.readTree(text(resource));
    }

    public static boolean exists(String resource) {
        return TestResources.class.getClassLoader().getResource(resource) != null;
    }

    /** The names of the files in a class-path folder (the build's target/classes or target/test-classes). */
    public static List<String> fileNames(String folder) {
        URL url = TestResources.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException(folder + " is not on the class path");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = TestResources.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the class path");
        }
        return in;
    }
}

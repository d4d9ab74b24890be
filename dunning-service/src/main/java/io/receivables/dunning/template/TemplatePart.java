package io.receivables.dunning.template;

/** A part of a template: its name in the API, its shipped file and whether its values are HTML-escaped. */
public enum TemplatePart {
    SUBJECT("subject", "subject.txt", "text/plain"),
    TEXT("text", "text.txt", "text/plain"),
    /** Values are escaped (Qute escapes for text/html): a customer's name cannot inject markup. */
    HTML("html", "html.html", "text/html");

    private final String field;
    private final String file;
    private final String contentType;

    TemplatePart(String field, String file, String contentType) {
        this.field = field;
        this.file = file;
        this.contentType = contentType;
    }

    public String field() {
        return field;
    }

    public String file() {
        return file;
    }

    public String contentType() {
        return contentType;
    }
}

package io.receivables.disputes.evidence;

/** What a comment or an attachment may hold; the columns of disputes-020 hold exactly this. */
public final class EvidenceLimits {

    /** Characters (Unicode code points, as PostgreSQL's VARCHAR counts them) of a comment. */
    public static final int COMMENT_MAX_LENGTH = 4000;

    /** Characters of an attachment's file name as uploaded; the stored name may gain its type's extension. */
    public static final int FILE_NAME_MAX_LENGTH = 250;

    /**
     * 10 MiB per attachment, exactly the HTTP body limit every route has (quarkus.http.limits.max-body-size, 10240K):
     * the file is the raw request body, so the edge's 413 and this limit are the same number of bytes.
     */
    public static final int ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

    private EvidenceLimits() {
    }
}

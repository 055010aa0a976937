package org.jodb.cli;

import picocli.CommandLine.IVersionProvider;

/** The version {@code jodb --version} prints: the jar's, and the storage format it reads. */
final class JodbVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = JodbCommand.class.getPackage().getImplementationVersion();
        return new String[] {"jodb " + (version == null ? "(development build)" : version)
                + ", Java " + Runtime.version()};
    }
}

/**
 * The {@code jodb} command: inspect, verify, collect, compact and copy storage files from a shell.
 * Each subcommand is one class ({@link org.jodb.cli.InfoCommand}, {@link org.jodb.cli.VerifyCommand},
 * {@link org.jodb.cli.StatsCommand}, {@link org.jodb.cli.DumpCommand},
 * {@link org.jodb.cli.HistoryCommand}, {@link org.jodb.cli.GcCommand},
 * {@link org.jodb.cli.CompactCommand}, {@link org.jodb.cli.CopyCommand}) on picocli, over the public
 * API of {@code org.jodb.storage.file.FileStorage} and, for reading records without the
 * application's classes, {@code org.jodb.serialization.StoredLayoutReader}.
 *
 * <p><b>Key types.</b> Public: {@link org.jodb.cli.JodbCommand} only (the entry point: {@code main}
 * for the jar, {@code run} in-process). Everything else is internal: {@link org.jodb.cli.ExitCode}
 * (one code per kind of outcome, listed in the help), {@link org.jodb.cli.CommandFailure} (a one-line
 * failure with its code), {@link org.jodb.cli.StorageFiles} (opens existing files only, never
 * creating or initializing one; reads a file another process holds read-only, and names the holder
 * of a lock through {@link org.jodb.cli.LockHolder}), {@link org.jodb.cli.Progress} (progress of long
 * passes on standard error: a bar on a terminal, {@link org.jodb.cli.TerminalProgress}, plain lines
 * otherwise, {@link org.jodb.cli.LogProgress}),
 * {@link org.jodb.cli.Figures} (how numbers print).
 *
 * <p>Output goes to standard output, progress and failures to standard error, so
 * {@code stats --json} pipes cleanly. The commands run on one thread; nothing here is thread-safe
 * (a progress bar redraws from the progress library's own thread).
 */
package org.jodb.cli;

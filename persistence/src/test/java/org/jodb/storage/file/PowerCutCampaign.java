package org.jodb.storage.file;

import java.nio.file.Path;

/**
 * The power-cut simulator: runs a {@link PowerCutWorkload} once against a {@link RecordingDisk},
 * builds the disk images a power cut could leave at every cut point ({@link ImageBuilder}) and checks
 * each ({@link ImageChecker}). Unlike the SIGKILL tests, which keep the operating system's page
 * cache, this finds a missing or misplaced force.
 *
 * <p>It lives in {@code org.jodb.storage.file}, beside the tests of the file storage, because it
 * reaches under the page file through the package-private {@link PageChannel} seam; its types are
 * separate so that a change of the commit protocol (group commit) can reuse the recording layer,
 * image builder and checker with workloads of its own.
 */
final class PowerCutCampaign {
    private final PowerCutWorkload workload;
    private final DiskFault fault;
    private final long seed;
    private final int randomPerCut;
    private final FileStorageOptions options;

    /**
     * @param randomPerCut random subsets of the unforced operations per cut point, besides the
     *                     systematic images
     */
    PowerCutCampaign(PowerCutWorkload workload, DiskFault fault, long seed, int randomPerCut) {
        this(workload, workload.options(), fault, seed, randomPerCut);
    }

    /** A campaign that runs and checks the workload with {@code options} instead of its own. */
    PowerCutCampaign(PowerCutWorkload workload, FileStorageOptions options, DiskFault fault, long seed,
            int randomPerCut) {
        this.workload = workload;
        this.options = options;
        this.fault = fault;
        this.seed = seed;
        this.randomPerCut = randomPerCut;
    }

    /** Runs the campaign, prints its figures and returns them; {@code label} tells variants apart. */
    CampaignFigures run(String label) {
        Path name = Path.of("power-cut-" + workload.name() + ".jodb");
        RecordingDisk disk = new RecordingDisk(name, options.pageSize(), fault);
        ExpectedRevisions expected = new ExpectedRevisions();
        workload.run(disk, expected, options, seed);
        IoLog log = disk.log();
        CampaignFigures figures = new CampaignFigures(label);
        figures.operations = log.ops().size();
        figures.forces = (int) log.ops().stream().filter(op -> op.kind() == IoKind.FORCE).count();
        figures.createsFile = log.initial() == null;
        figures.lastRevision = expected.newestRevision();
        ImageChecker checker = new ImageChecker(name, options, expected);
        figures.cutPoints = new ImageBuilder(log, seed, randomPerCut)
                .forEachImage(image -> figures.count(image, checker.check(image)));
        System.out.println(figures.summary());
        return figures;
    }
}

namespace CodeRunner.Diagnostics;

/// <summary>
/// A race that a silo lost over a submission: the <c>reason</c> label of
/// <c>coderun_claim_conflicts_total</c>. Both are expected now and then; a steady rate is not.
/// </summary>
public enum ClaimConflict
{
    /// <summary>
    /// The silo was woken for a language, had a free slot, and its claim took nothing: another silo
    /// (or an earlier claim of its own) took the work first. A wasted store round trip; the poll's
    /// empty claims are normal and not counted.
    /// </summary>
    EmptyWake,

    /// <summary>
    /// A fenced write (a result, or a hand-back) changed nothing: the silo no longer owned the
    /// submission at its epoch (it was declared dead and the submission requeued). Its result was dropped.
    /// </summary>
    LostOwnership,
}

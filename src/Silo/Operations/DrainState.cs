namespace CodeRunner.Silo.Operations;

/// <summary>Whether a silo claims work, and how many of its runs are still going.</summary>
/// <param name="SiloId">The silo's id (this incarnation).</param>
/// <param name="SiloName">The silo's stable name.</param>
/// <param name="Draining">An operator drained it (or it is shutting down): it claims nothing new.</param>
/// <param name="Running">Submissions still running on it.</param>
public sealed record DrainState(string SiloId, string SiloName, bool Draining, int Running);

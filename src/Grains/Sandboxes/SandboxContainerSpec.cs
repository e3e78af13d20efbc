using CodeRunner.Docker;
using CodeRunner.Languages;

namespace CodeRunner.Sandboxes;

/// <summary>
/// The hardened container every sandbox is (rule 5 of docs/security.md): no network, read-only root,
/// every capability dropped but the three the launcher needs to start runs as an unprivileged user
/// and kill what they leave, no-new-privileges, memory/pids/cpu limits, tmpfs work space with size
/// and inode caps, no logging of the protocol, no engine socket.
/// </summary>
public static class SandboxContainerSpec
{
    public static ContainerCreateRequest For(Language language, SandboxOptions options, string siloName, string sandboxId)
    {
        var memory = language.ContainerMemoryBytes(options.MemoryOverheadBytes);
        return new ContainerCreateRequest
        {
            Image = language.Image,
            Cmd = ["/opt/coderun/launcher", "--cpus", options.CpusPerSandbox.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            User = "0:0", // the launcher only; every run is started as uid 1000 with no capabilities
            WorkingDir = "/sandbox",
            Hostname = "sandbox",
            Env = [],
            AttachStdin = true,
            AttachStdout = true,
            AttachStderr = true,
            OpenStdin = true,
            StdinOnce = false,
            Tty = false,
            NetworkDisabled = true,
            Labels = new Dictionary<string, string>
            {
                [SandboxLabels.Managed] = sandboxId,
                [SandboxLabels.Silo] = siloName,
                [SandboxLabels.Language] = language.Id,
            },
            HostConfig = new HostConfig
            {
                NetworkMode = "none",
                ReadonlyRootfs = true,
                CapDrop = ["ALL"],
                CapAdd = ["SETUID", "SETGID", "KILL"],
                SecurityOpt = ["no-new-privileges"],
                Memory = memory,
                MemorySwap = memory, // no swap: the limit is the limit
                NanoCpus = (long)(options.CpusPerSandbox * 1_000_000_000),
                // Under gVisor its own host threads count against the pids cgroup, and running out
                // kills the whole sandbox (at 512 for 64 guest tasks it did): there the run's
                // processes are bounded by RLIMIT_NPROC in gVisor's kernel (SandboxGrain), and this
                // is only a loose backstop for the host.
                PidsLimit = options.Runtime == "runsc" ? language.Definition.MaxProcesses * 16 + 1024 : language.Definition.MaxProcesses,
                ShmSize = 16L << 20,
                IpcMode = "private",
                Tmpfs = new Dictionary<string, string>
                {
                    ["/sandbox"] = $"rw,exec,nosuid,nodev,size={options.WorkDirectoryBytes},nr_inodes={options.Inodes},uid=1000,gid=1000,mode=0755",
                    ["/tmp"] = $"rw,exec,nosuid,nodev,size={options.TmpDirectoryBytes},nr_inodes={options.Inodes},mode=1777",
                },
                Ulimits = [new Ulimit("core", 0, 0), new Ulimit("nofile", 1024, 1024)],
                Runtime = options.Runtime,
                AutoRemove = false, // the silo removes its containers itself, after reading what it needs
                Privileged = false,
                LogConfig = new LogConfig("none"),
            },
        };
    }
}

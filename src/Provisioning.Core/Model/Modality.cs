namespace Provisioning.Core.Model;

/// <summary>What is recorded: the v2 flags voice, video, im and screenCaptureEnabled; the v3 modality ids.</summary>
public enum Modality
{
    Voice = 0,
    Video = 1,
    Im = 2,
    Screen = 3,
}

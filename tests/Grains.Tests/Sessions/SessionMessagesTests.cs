using System.Text;
using CodeRunner.Sessions;

namespace CodeRunner.Tests.Sessions;

public class SessionMessagesTests
{
    [Fact]
    public void StartMessageCarriesLanguageWithVersionSelectorFilesAndTerminal()
    {
        var start = SessionMessages.ParseStart(Encoding.UTF8.GetBytes(
            """{"type":"start","language":"python@3","files":[{"name":"main.py","content":"print(1)"}],"args":["x"],"tty":true,"cols":100,"rows":30}"""));
        Assert.Equal("python", start.LanguageName);
        Assert.Equal("3", start.VersionSelector);
        Assert.True(start.Tty);
        Assert.Equal((100, 30), (start.Cols, start.Rows));
        Assert.Equal(["x"], start.ToRunRequest().Args!);
    }

    [Theory]
    [InlineData("""{"type":"stdin","data":"hé"}""", ClientMessageKind.Stdin, "hé")]
    [InlineData("""{"type":"stdin","base64":"AP8="}""", ClientMessageKind.Stdin, "\0\uFFFD")]
    [InlineData("""{"type":"eof"}""", ClientMessageKind.Eof, "")]
    public void InputMessagesAreDecoded(string json, ClientMessageKind kind, string data)
    {
        var message = SessionMessages.ParseInput(Encoding.UTF8.GetBytes(json));
        Assert.Equal(kind, message.Kind);
        Assert.Equal(data, Encoding.UTF8.GetString(message.Data));
    }

    [Fact]
    public void SignalsAndResizeAreDecoded()
    {
        Assert.Equal(2, SessionMessages.ParseInput("""{"type":"signal","signal":"SIGINT"}"""u8).Signal);
        Assert.Equal(15, SessionMessages.ParseInput("""{"type":"signal","signal":"TERM"}"""u8).Signal);
        var resize = SessionMessages.ParseInput("""{"type":"resize","cols":120,"rows":40}"""u8);
        Assert.Equal((120, 40), (resize.Size.Cols, resize.Size.Rows));
    }

    [Theory]
    [InlineData("""{"type":"signal","signal":"SIGSTOP"}""")]
    [InlineData("""{"type":"resize","cols":0,"rows":40}""")]
    [InlineData("""{"type":"stdin","base64":"%%%"}""")]
    [InlineData("""{"type":"start"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"type":""")]
    public void BadInputMessagesAreRefusedWith4400(string json)
    {
        var e = Assert.Throws<SessionClosedException>(() => SessionMessages.ParseInput(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(SessionCloseCodes.BadRequest, e.Code);
    }
}

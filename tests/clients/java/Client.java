import java.net.URL;
import java.util.List;

import provisioning.v2.CreateExtension;
import provisioning.v2.EnvironmentFilter;
import provisioning.v2.Extension;
import provisioning.v2.ExtensionFilter;
import provisioning.v2.ExtensionResult;
import provisioning.v2.ExtensionsResult;
import provisioning.v2.GetExtension;
import provisioning.v2.ListExtensions;
import provisioning.v2.Provisioning;
import provisioning.v2.ProvisioningService;
import provisioning.v2.RecordingMode;
import provisioning.v2.ReleaseToken;
import provisioning.v2.RequestToken;
import provisioning.v2.Status;
import provisioning.v2.TokenResult;

/**
 * A client of the Provisioning API on the classes that {@code wsimport -p provisioning.v2} generates from the served
 * WSDL: token, create, get, list, release. Usage: Client URL LOGIN PASSWORD ADDRESS. Exit 0 only when every step
 * answers OK and the extension reads back as written.
 *
 * <p>The request wrappers in the WSDL are {@code xs:all}, which JAX-WS does not unwrap, so the generated port has
 * one bean parameter per operation ({@code requestToken(RequestToken)}) rather than one parameter per field.
 */
public final class Client {
    private Client() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            fail("usage: Client URL LOGIN PASSWORD ADDRESS");
        }
        String address = args[3];
        Provisioning port = new ProvisioningService(new URL(args[0] + "?wsdl")).getProvisioningPort();

        RequestToken login = new RequestToken();
        login.setEid("0000");
        login.setLoginName(args[1]);
        login.setPassword(args[2]);
        TokenResult token = port.requestToken(login).getReturn();
        step("requestToken", token.getStatus());

        Extension written = new Extension();
        written.setEid("0000");
        written.setExtension(address);
        written.setRecordingMode(RecordingMode.ON_DEMAND);
        written.setVoice(true);
        written.setVideo(true);
        CreateExtension create = new CreateExtension();
        create.setToken(token.getToken());
        create.setExtension(written);
        step("createExtension", port.createExtension(create).getReturn());

        EnvironmentFilter environment = new EnvironmentFilter();
        environment.setEid("0000");
        GetExtension get = new GetExtension();
        get.setToken(token.getToken());
        get.setEnvironmentFilter(environment);
        get.setExtension(address);
        ExtensionResult got = port.getExtension(get).getReturn();
        step("getExtension", got.getStatus());
        check("getExtension", got.getExtension(), address);

        ExtensionFilter filter = new ExtensionFilter();
        filter.setExtension(address);
        ListExtensions list = new ListExtensions();
        list.setToken(token.getToken());
        list.setFilter(filter);
        ExtensionsResult listed = port.listExtensions(list).getReturn();
        step("listExtensions", listed.getStatus());
        List<Extension> extensions = listed.getExtensions();
        if (extensions.size() != 1) {
            fail("listExtensions: expected 1 extension, got " + extensions.size());
        }
        check("listExtensions", extensions.get(0), address);

        ReleaseToken release = new ReleaseToken();
        release.setToken(token.getToken());
        step("releaseToken", port.releaseToken(release).getReturn());
    }

    private static void step(String name, Status status) {
        String code = status == null || status.getStatusCode() == null ? null : status.getStatusCode().value();
        if (!"OK".equals(code)) {
            fail(name + ": status " + code + (status == null ? "" : " " + status.getMessage()));
        }
        System.out.println(name + ": OK");
    }

    private static void check(String name, Extension e, String address) {
        if (e == null) {
            fail(name + ": no extension in the answer");
        }
        String seen = String.format("extension=%s recordingMode=%s voice=%s video=%s im=%s",
            e.getExtension(), e.getRecordingMode(), e.isVoice(), e.isVideo(), e.isIm());
        String expected = String.format("extension=%s recordingMode=ON_DEMAND voice=true video=true im=false", address);
        if (!expected.equals(seen)) {
            fail(name + ": expected " + expected + ", got " + seen);
        }
        System.out.println(name + ": " + seen);
    }

    private static void fail(String message) {
        System.err.println("FAILED " + message);
        System.exit(1);
    }
}

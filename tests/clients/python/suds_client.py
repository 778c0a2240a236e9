"""A client of the Provisioning API built by suds from the served WSDL: token, create, get, list, apply, release.

Usage: /usr/bin/python3 suds_client.py URL LOGIN PASSWORD ADDRESS RECORDER
Exits 0 only when every step answers OK, the extension reads back as written and the recorder runs the configuration.
"""
import sys

from suds.client import Client

EXPECTED = {"recordingMode": "ON_DEMAND", "voice": True, "video": True, "im": False}


def fail(message):
    print("FAILED " + message, file=sys.stderr)
    sys.exit(1)


def step(name, status):
    code = getattr(status, "statusCode", None)
    if code != "OK":
        fail(f"{name}: status {code} {getattr(status, 'message', '')}")
    print(f"{name}: OK")


def check(name, extension, address):
    if extension is None:
        fail(f"{name}: no extension in the answer")
    seen = {key: getattr(extension, key, None) for key in EXPECTED}
    if extension.extension != address or seen != EXPECTED:
        fail(f"{name}: expected {address} {EXPECTED}, got {extension.extension} {seen}")
    print(f"{name}: {extension.extension} {seen}")


def check_applied(statuses, recorder):
    if len(statuses) != 1 or statuses[0][0] != recorder or statuses[0][1] is not True or not statuses[0][2]:
        fail(f"applyExtensionConfiguration: expected {recorder} to succeed with a revision, got {statuses}")
    print(f"applyExtensionConfiguration: {statuses[0][0]} success={statuses[0][1]} {statuses[0][3]}")


def main(url, login, password, address, recorder):
    # No cache: the WSDL carries the address of a server that exists only for this run.
    client = Client(url + "?wsdl", cache=None)
    service, factory = client.service, client.factory

    answer = service.requestToken(eid="0000", loginName=login, password=password)
    step("requestToken", answer.status)
    token = answer.token

    extension = factory.create("extension")
    extension.eid, extension.extension, extension.recordingMode = "0000", address, "ON_DEMAND"
    extension.voice, extension.video = True, True
    step("createExtension", service.createExtension(token=token, extension=extension))

    environment = factory.create("environmentFilter")
    environment.eid = "0000"
    got = service.getExtension(token=token, environmentFilter=environment, extension=address)
    step("getExtension", got.status)
    check("getExtension", getattr(got, "extension", None), address)

    extension_filter = factory.create("extensionFilter")
    extension_filter.extension = address
    listed = service.listExtensions(token=token, filter=extension_filter)
    step("listExtensions", listed.status)
    extensions = getattr(listed, "extensions", [])
    if len(extensions) != 1:
        fail(f"listExtensions: expected 1 extension, got {len(extensions)}")
    check("listExtensions", extensions[0], address)

    location = factory.create("location")
    location.eid, location.location = "0000", recorder
    applied = service.applyExtensionConfiguration(
        token=token, theseServersOnly=[location], returnSuccessfulStatuses=True, forceEvenIfNotRegistered=True)
    step("applyExtensionConfiguration", applied.status)
    statuses = getattr(applied, "statuses", [])
    check_applied([(s.location, s.success, getattr(s, "revision", None), s.message) for s in statuses], recorder)

    step("releaseToken", service.releaseToken(token=token))


if __name__ == "__main__":
    if len(sys.argv) != 6:
        fail("usage: suds_client.py URL LOGIN PASSWORD ADDRESS RECORDER")
    main(*sys.argv[1:])

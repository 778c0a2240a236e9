"""A client of the Provisioning API built by suds from the served WSDLs: token, create, get, list, apply, a storage
policy created and listed, the v3 statistics, release.

Usage: /usr/bin/python3 suds_client.py URL LOGIN PASSWORD ADDRESS RECORDER V3_URL
Exits 0 only when every step answers OK, the extension reads back as written, the recorder runs the configuration, the
policy is listed and the statistics count the extension.
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


def check_policy(name, policy, policy_name):
    if policy is None or policy.name != policy_name or policy.action != "delete" or not getattr(policy, "id", None):
        fail(f"{name}: expected policy {policy_name} (delete) with an id, got {policy}")
    print(f"{name}: {policy.name} id={policy.id} action={policy.action} olderThanYears={policy.olderThanYears}")


def check_statistics(environments):
    zero = [e for e in environments if e.eid == "0000"]
    modes = {m.recordingMode: m.count for m in getattr(zero[0], "extensionsByRecordingMode", [])} if zero else {}
    if len(zero) != 1 or zero[0].extensions < 1 or modes.get("ON_DEMAND", 0) < 1:
        fail(f"getStatistics: expected 0000 with an ON_DEMAND extension, got {environments}")
    print(f"getStatistics: 0000 extensions={zero[0].extensions} ON_DEMAND={modes['ON_DEMAND']} users={zero[0].users}")


def main(url, login, password, address, recorder, v3_url):
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

    policy_name = "keep-" + address
    policy = factory.create("storagePolicy")
    policy.eid, policy.name, policy.action, policy.olderThanYears = "0000", policy_name, "delete", 7
    created = service.createStoragePolicy(token=token, storagePolicy=policy)
    step("createStoragePolicy", created.status)
    check_policy("createStoragePolicy", getattr(created, "storagePolicy", None), policy_name)
    policies = service.listStoragePoliciesByEid(token=token, eid="0000")
    step("listStoragePoliciesByEid", policies.status)
    listed_policy = next((p for p in getattr(policies, "storagePolicies", []) if p.name == policy_name), None)
    check_policy("listStoragePoliciesByEid", listed_policy, policy_name)

    statistics = Client(v3_url + "?wsdl", cache=None).service.getStatistics(token=token)
    step("getStatistics", statistics.status)
    check_statistics(getattr(statistics, "environments", []))

    step("releaseToken", service.releaseToken(token=token))


if __name__ == "__main__":
    if len(sys.argv) != 7:
        fail("usage: suds_client.py URL LOGIN PASSWORD ADDRESS RECORDER V3_URL")
    main(*sys.argv[1:])

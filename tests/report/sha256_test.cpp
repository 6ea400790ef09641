// SHA-256 against the FIPS 180-4 / NIST example vectors and sha256sum on a real file.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include "aiswatch/report/error.hpp"
#include "aiswatch/report/model.hpp"
#include "aiswatch/report/sha256.hpp"

using namespace aiswatch::report;

TEST_CASE("SHA-256 known answers", "[report][sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                   "mnopqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  // One million 'a' fed in uneven chunks exercises the buffering across block boundaries.
  Sha256 h;
  const std::string chunk(997, 'a');
  std::size_t fed = 0;
  while (fed + chunk.size() <= 1'000'000) {
    h.update(chunk);
    fed += chunk.size();
  }
  h.update(std::string(1'000'000 - fed, 'a'));
  CHECK(to_hex(h.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 padding edges: lengths 55, 56, 63, 64, 65", "[report][sha256]") {
  // Values from coreutils sha256sum (printf 'a%.0s' $(seq N) | sha256sum).
  CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(std::string(63, 'a')) == "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
  CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  CHECK(sha256_hex(std::string(65, 'a')) == "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
}

TEST_CASE("base64 (RFC 4648 test vectors)", "[report][sha256]") {
  const auto b64 = [](std::string_view s) {
    return to_base64({reinterpret_cast<const std::uint8_t*>(s.data()), s.size()});
  };
  CHECK(b64("") == "");
  CHECK(b64("f") == "Zg==");
  CHECK(b64("fo") == "Zm8=");
  CHECK(b64("foo") == "Zm9v");
  CHECK(b64("foob") == "Zm9vYg==");
  CHECK(b64("fooba") == "Zm9vYmE=");
  CHECK(b64("foobar") == "Zm9vYmFy");
}

TEST_CASE("digest_file and describe_input on a real file", "[report][sha256]") {
  SECTION("valid: the bundled gpsd sample, value from sha256sum") {
    const std::string path = AISWATCH_TEST_DATA_DIR "/ais/gpsd/sample.aivdm";
    const FileDigest d = digest_file(path);
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    CHECK(d.size_bytes == static_cast<std::uint64_t>(in.tellg()));
    CHECK(d.sha256_hex == "c645120bc7716466f5af6bd5e520830b6406857e4ce0079bc3b7f9de488ccf09");
    const InputFile f = describe_input(InputRole::watchlist, path);
    CHECK(f.size_bytes == d.size_bytes);
    CHECK(f.sha256_hex == d.sha256_hex);
    CHECK(std::string(to_string(f.role)) == "watchlist");
  }
  SECTION("bad input: a missing file is an error naming it") {
    CHECK_THROWS_WITH(digest_file("/nonexistent/x.nmea"), Catch::Contains("/nonexistent/x.nmea"));
  }
}

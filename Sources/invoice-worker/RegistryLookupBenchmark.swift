import Foundation
import InvoiceCore
import InvoiceRegistry

/// Times lookups of random numbers in process: uncached (a registry with no cache, so every
/// lookup reads SQLite) and cached (the same 1,000 numbers again and again).
struct RegistryLookupBenchmark {
    let path: String
    let count: Int

    /// Microseconds per lookup.
    struct Report: Encodable {
        var lookups: Int
        var uncachedMeanMicroseconds: Double
        var uncachedP50Microseconds: Double
        var uncachedP99Microseconds: Double
        var cachedMeanMicroseconds: Double
        var registeredShare: Double

        enum CodingKeys: String, CodingKey {
            case lookups
            case uncachedMeanMicroseconds = "uncached_mean_us", uncachedP50Microseconds = "uncached_p50_us"
            case uncachedP99Microseconds = "uncached_p99_us", cachedMeanMicroseconds = "cached_mean_us"
            case registeredShare = "registered_share"
        }

        var text: String {
            String(format: "%d lookups: uncached mean %.2f µs (p50 %.2f, p99 %.2f), cached mean %.2f µs; %.0f%% registered",
                   lookups, uncachedMeanMicroseconds, uncachedP50Microseconds, uncachedP99Microseconds,
                   cachedMeanMicroseconds, registeredShare * 100)
        }
    }

    private static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    func run() throws -> Report {
        let date = CivilDate(year: 2024, month: 6, day: 1)!
        let uncached = try Registry(path: path, cacheCapacity: 0)
        let numbers = try uncached.sampleNumbers(count)
        var samples: [Double] = []
        samples.reserveCapacity(numbers.count)
        var registered = 0
        for number in numbers.prefix(1000) { _ = try uncached.lookup(number, on: date) }  // warm up
        for number in numbers {
            let start = Self.now()
            let answer = try uncached.lookup(number, on: date)
            samples.append(Double(Self.now() - start) / 1000)
            if answer.registered { registered += 1 }
        }
        samples.sort()

        let cached = try Registry(path: path)
        let hot = Array(numbers.prefix(1000))
        for number in hot { _ = try cached.lookup(number, on: date) }
        let rounds = max(1, count / hot.count)
        let start = Self.now()
        for _ in 0..<rounds {
            for number in hot { _ = try cached.lookup(number, on: date) }
        }
        let cachedMean = Double(Self.now() - start) / 1000 / Double(rounds * hot.count)

        return Report(
            lookups: samples.count,
            uncachedMeanMicroseconds: samples.reduce(0, +) / Double(max(samples.count, 1)),
            uncachedP50Microseconds: samples.isEmpty ? 0 : samples[samples.count / 2],
            uncachedP99Microseconds: samples.isEmpty ? 0 : samples[samples.count * 99 / 100],
            cachedMeanMicroseconds: cachedMean,
            registeredShare: Double(registered) / Double(max(samples.count, 1)))
    }
}

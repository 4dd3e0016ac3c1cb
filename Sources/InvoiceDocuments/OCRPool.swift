import CTesseractThreads
import Foundation
import InvoiceCore

/// A fixed set of threads, each owning one `TesseractEngine`, that run OCR jobs in the order
/// they are submitted. Pages of one document and of different documents are read in parallel
/// up to the number of threads; a job never blocks Swift's cooperative thread pool.
final class OCRPool: @unchecked Sendable {
    typealias Job = (Int, TesseractEngine?, DocumentReadError?) -> Void

    let threadCount: Int
    /// Reference point for the timestamps in `OCRDetails` (pages read in parallel overlap).
    let epoch = Date()
    private let configuration: ReaderConfiguration
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var started = false

    init(configuration: ReaderConfiguration) {
        self.configuration = configuration
        self.threadCount = max(1, configuration.ocrThreads ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Whether OpenMP inside Tesseract runs single-threaded, as libgomp itself reports (see
    /// CTesseractThreads): false only when the user set OMP_THREAD_LIMIT to more than 1.
    static var openMPLimited: Bool { iw_omp_thread_limit() == 1 }

    /// Runs `body` on an OCR thread with its engine and returns its result.
    func run<T: Sendable>(_ body: @escaping @Sendable (Int, TesseractEngine) throws(DocumentReadError) -> T) async throws(DocumentReadError) -> T {
        let result: Result<T, DocumentReadError> = await withCheckedContinuation { continuation in
            submit { index, engine, startError in
                guard let engine else {
                    continuation.resume(returning: .failure(startError ?? .unreadable("no OCR engine")))
                    return
                }
                do throws(DocumentReadError) {
                    continuation.resume(returning: .success(try body(index, engine)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    private func submit(_ job: @escaping Job) {
        condition.lock()
        jobs.append(job)
        if !started {
            started = true
            for index in 0..<threadCount {
                let thread = Thread { [unowned self] in self.work(index: index) }
                thread.name = "ocr-\(index)"
                thread.stackSize = 8 << 20
                thread.start()
            }
        }
        condition.signal()
        condition.unlock()
    }

    private func work(index: Int) {
        // The engine is made on the thread that will use it and lives as long as the thread.
        var engine: TesseractEngine?
        var startError: DocumentReadError?
        do throws(DocumentReadError) {
            engine = try TesseractEngine(configuration: configuration)
        } catch {
            startError = error
        }
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job(index, engine, startError)
        }
    }
}

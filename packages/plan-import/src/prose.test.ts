import { describe, expect, it } from 'vitest';
import { splitAgencies } from './agency-list.js';
import { parseDue } from './dates.js';
import { findTimeframes, readAssignments } from './prose.js';

describe('readAssignments', () => {
	it('reads "<Agency> chủ trì, phối hợp với <A>, <B> <verb> ..."', () => {
		const [a, ...rest] = readAssignments(
			'Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Văn phòng Ủy ban nhân dân tỉnh, Sở Tài chính, Ủy ban nhân dân các xã, phường, đặc khu xây dựng Kế hoạch tổ chức Ngày Gia đình Việt Nam; hoàn thành trong tháng 6/2026.'
		);
		expect(rest).toEqual([]);
		expect(a.lead).toBe('Sở Văn hóa, Thể thao và Du lịch');
		expect(splitAgencies(a.coordinating)).toEqual([
			'Văn phòng Ủy ban nhân dân tỉnh',
			'Sở Tài chính',
			'Ủy ban nhân dân các xã, phường, đặc khu'
		]);
		expect(a.action).toBe('xây dựng Kế hoạch tổ chức Ngày Gia đình Việt Nam');
		expect(a.start).toBe(0);
	});

	it('reads "Giao <Agency> chủ trì" without a comma before "phối hợp"', () => {
		const [a] = readAssignments(
			'Giao Sở Tư pháp chủ trì phối hợp với Báo và Phát thanh, Truyền hình Quảng Trị, Hội Liên hiệp Phụ nữ tỉnh biên soạn tài liệu tuyên truyền.'
		);
		expect(a.lead).toBe('Sở Tư pháp');
		expect(a.start).toBe(5);
		expect(splitAgencies(a.coordinating)).toEqual([
			'Báo và Phát thanh, Truyền hình Quảng Trị',
			'Hội Liên hiệp Phụ nữ tỉnh'
		]);
		expect(a.action).toBe('biên soạn tài liệu tuyên truyền');
	});

	it('reads "<Agency> chủ trì tổ chức ..." with no coordinating body', () => {
		expect(
			readAssignments(
				'Công an tỉnh chủ trì tổ chức rà soát các vụ việc, hoàn thành trước ngày 30/9/2026.'
			)
		).toEqual([
			{
				lead: 'Công an tỉnh',
				coordinating: '',
				action: 'tổ chức rà soát các vụ việc, hoàn thành trước ngày 30/9/2026',
				start: 0
			}
		]);
	});

	it('reads "Đề nghị <Agency> phối hợp ..." as a task that agency leads', () => {
		const [a] = readAssignments(
			'Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp với các tổ chức chính trị - xã hội vận động hội viên tham gia.'
		);
		expect(a).toMatchObject({
			lead: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
			coordinating: 'các tổ chức chính trị - xã hội',
			action: 'vận động hội viên tham gia'
		});
		// Without the request, "X phối hợp" is a contribution, not a lead.
		expect(readAssignments('Sở Y tế phối hợp với Sở Tư pháp tuyên truyền.')).toEqual([]);
	});

	it('takes any named body after "Đề nghị", also one of no kind the directory knows', () => {
		const [a] = readAssignments(
			'Đề nghị Viễn thông Đắk Lắk phối hợp với Ủy ban nhân dân các xã, phường triển khai phủ sóng 5G; hoàn thành trước ngày 30/11/2026.'
		);
		expect(a.lead).toBe('Viễn thông Đắk Lắk');
		expect(splitAgencies(a.coordinating)).toEqual(['Ủy ban nhân dân các xã, phường']);
		expect(a.action).toBe('triển khai phủ sóng 5G');
		// Without a request word, a name of no known kind is not taken as a lead.
		expect(readAssignments('Viễn thông Đắk Lắk phối hợp triển khai phủ sóng 5G.')).toEqual([]);
	});

	it('keeps capitalized agency words and skips an opening phrase before the agency', () => {
		const [a] = readAssignments(
			'Trong đó, Sở Y tế chủ trì, phối hợp với Sở Giáo dục và Đào tạo, Sở Xây dựng hướng dẫn các trường học.'
		);
		expect(a.lead).toBe('Sở Y tế');
		expect(splitAgencies(a.coordinating)).toEqual(['Sở Giáo dục và Đào tạo', 'Sở Xây dựng']);
	});

	it('reads "phối hợp" without "với", and "phối hợp tổ chức" as no coordinating body', () => {
		const [a] = readAssignments(
			'Sở Nội vụ chủ trì phối hợp Sở Tài chính, Ủy ban nhân dân các xã, phường thẩm định đề án.'
		);
		expect(splitAgencies(a.coordinating)).toEqual([
			'Sở Tài chính',
			'Ủy ban nhân dân các xã, phường'
		]);
		expect(a.action).toBe('thẩm định đề án');
		const [b] = readAssignments('Tỉnh đoàn chủ trì, phối hợp tổ chức Ngày hội thanh niên.');
		expect([b.lead, b.coordinating, b.action]).toEqual([
			'Tỉnh đoàn',
			'',
			'tổ chức Ngày hội thanh niên'
		]);
		const [c] = readAssignments(
			'Giao Sở Y tế chủ trì, phối hợp với các cơ quan, đơn vị liên quan triển khai thực hiện.'
		);
		expect(splitAgencies(c.coordinating)).toEqual(['các cơ quan, đơn vị liên quan']);
	});

	it('ignores "chủ trì" without an agency before it, and reads two sentences', () => {
		expect(readAssignments('Chủ trì, hướng dẫn tổ chức các hoạt động kỷ niệm.')).toEqual([]);
		expect(readAssignments('Đơn vị chủ trì: Sở Tư pháp. Cơ quan phối hợp: Sở Y tế.')).toEqual([]);
		expect(readAssignments('Cơ quan chủ trì thực hiện: Sở Tư pháp.')).toEqual([]);
		const two = readAssignments(
			'Sở Nội vụ chủ trì thẩm định đề án. Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước khu vực X bố trí kinh phí.'
		);
		expect(two.map((a) => [a.lead, a.coordinating])).toEqual([
			['Sở Nội vụ', ''],
			['Sở Tài chính', 'Kho bạc Nhà nước khu vực X']
		]);
	});
});

describe('findTimeframes', () => {
	const due = (text: string) => findTimeframes(text).map((t) => [t.text, parseDue(t.text, 2026)]);

	it.each([
		['...; hoàn thành trong tháng 6/2026.', 'Hoàn thành trong tháng 6/2026', '2026-06-30'],
		['..., thực hiện trong Quý III/2026.', 'Thực hiện trong Quý III/2026', '2026-09-30'],
		['..., hoàn thành trước ngày 30/9/2026.', 'Hoàn thành trước ngày 30/9/2026', '2026-09-30'],
		[
			'...; thực hiện thường xuyên trong năm 2026.',
			'Thực hiện thường xuyên trong năm 2026',
			'2026-12-31'
		],
		['... triển khai thường xuyên.', 'Triển khai thường xuyên', null],
		['... hoàn thành trong tháng 7, 8/2026.', 'Hoàn thành trong tháng 7, 8/2026', '2026-08-31'],
		['... hoàn thành trong Quý II.', 'Hoàn thành trong Quý II', '2026-06-30'],
		[
			'..., hoàn thành chậm nhất ngày 30/6/2026.',
			'Hoàn thành chậm nhất ngày 30/6/2026',
			'2026-06-30'
		],
		[
			'...; thực hiện từ tháng 3 đến tháng 11/2026.',
			'Thực hiện từ tháng 3 đến tháng 11/2026',
			'2026-11-30'
		],
		['..., hoàn thành trước ngày 15/6.', 'Hoàn thành trước ngày 15/6', '2026-06-15'],
		[
			'...; thực hiện trong 6 tháng đầu năm 2026.',
			'Thực hiện trong 6 tháng đầu năm 2026',
			'2026-06-30'
		]
	])('reads %s', (text, phrase, date) => {
		expect(due(text)).toEqual([[phrase, date]]);
	});

	it('takes no phrase that names no date', () => {
		expect(due('Tổ chức 02 lớp tập huấn năm 2026 cho cán bộ cấp xã.')).toEqual([]);
		expect(due('Tổ chức Ngày Gia đình Việt Nam 28/6.')).toEqual([]);
		expect(due('Thực hiện Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị.')).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import { extractFields, startsWithLabel } from './fields.js';

describe('extractFields', () => {
	it('reads a "- Label: value" line with any synonym and odd spacing', () => {
		expect(extractFields('Đơn vị phối  hợp: Các cơ quan thông tấn báo chí.').fields).toEqual([
			{ kind: 'coordinating', value: 'Các cơ quan thông tấn báo chí' }
		]);
		for (const label of [
			'Đơn vị chủ trì',
			'Cơ quan chủ trì',
			'Chủ trì',
			'Đơn vị thực hiện',
			'Cơ quan thực hiện'
		]) {
			expect(extractFields(`${label}: Sở Y tế`).fields).toEqual([
				{ kind: 'lead', value: 'Sở Y tế' }
			]);
		}
		for (const label of ['Thời gian thực hiện', 'Thời gian hoàn thành', 'Thời gian', 'Thời hạn']) {
			expect(extractFields(`${label}: Quý II/2021`).fields[0].kind).toBe('timeframe');
		}
	});
	it('splits inline fields out of a paragraph', () => {
		const r = extractFields(
			'Tuyên truyền kỷ niệm. Chủ trì: Sở Văn hóa, Thể thao và Du lịch; phối hợp: Báo Tuyên Quang. Thời gian: Quý III/2020.'
		);
		expect(r.before).toBe('Tuyên truyền kỷ niệm');
		expect(r.fields).toEqual([
			{ kind: 'lead', value: 'Sở Văn hóa, Thể thao và Du lịch' },
			{ kind: 'coordinating', value: 'Báo Tuyên Quang' },
			{ kind: 'timeframe', value: 'Quý III/2020' }
		]);
	});
	it('does not take prose for a label', () => {
		expect(extractFields('Chủ trì, phối hợp với các sở tổ chức hội nghị').fields).toEqual([]);
		expect(extractFields('tăng cường sự phối hợp giữa các cơ quan').fields).toEqual([]);
		expect(startsWithLabel('- Thời gian thực hiện: Cả năm 2024.')).toBe(true);
		expect(startsWithLabel('Thời gian qua, tỉnh đã')).toBe(false);
	});
});

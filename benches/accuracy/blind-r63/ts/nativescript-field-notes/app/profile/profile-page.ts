import { Frame, NavigatedData, Observable, Page } from '@nativescript/core';
import { supabase } from '../services/supabase';

class ProfileViewModel extends Observable {
  email = '';
  van = '';

  async load() {
    const { data: auth } = await supabase.auth.getUser();
    this.set('email', auth.user?.email ?? '');
    const { data } = await supabase.from('technicians').select('van_plate').eq('user_id', auth.user?.id).single();
    this.set('van', data?.van_plate ?? 'no van assigned');
  }

  async signOut() {
    await supabase.auth.signOut();
    Frame.topmost().navigate({ moduleName: 'login/login-page', clearHistory: true });
  }
}

export function onNavigatingTo(args: NavigatedData) {
  const page = <Page>args.object;
  const vm = new ProfileViewModel();
  page.bindingContext = vm;
  vm.load();
}
